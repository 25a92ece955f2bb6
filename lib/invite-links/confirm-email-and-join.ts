import "server-only";
import { hashEmailVerificationToken, isWellFormedEmailVerificationToken } from "@/lib/auth/email-verification-token";
import { runTransaction } from "@/lib/db/run-transaction";
import { fail } from "@/lib/result";
import { joinThroughLink } from "./join-through-link";

const INVALID = "This confirmation link is not valid, was already used, or has expired.";

/**
 * Following the emailed confirmation (a POST: the GET only shows a button, for mail scanners).
 * Spends the link with one conditional UPDATE (of two concurrent uses one wins) and marks the
 * address verified; that commits on its own, so a team that filled up or a link revoked since
 * still leaves a confirmed account. Then the join, in its own transaction, with the same rules
 * as a signed-in join.
 */
export async function confirmEmailAndJoin(token: string) {
  if (!isWellFormedEmailVerificationToken(token)) return fail("NOT_FOUND", INVALID);
  const tokenHash = hashEmailVerificationToken(token);
  const confirmed = await runTransaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ userId: string; email: string; linkHash: string | null }>>`
      WITH spent AS (
        UPDATE "EmailVerification" SET "usedAt" = now()
        WHERE "tokenHash" = ${tokenHash} AND "usedAt" IS NULL AND "expiresAt" > now()
        RETURNING "userId", "inviteLinkId"
      ), verified AS (
        UPDATE "User" u SET "emailVerifiedAt" = coalesce(u."emailVerifiedAt", now())
        FROM spent WHERE u."id" = spent."userId"
        RETURNING u."id", u."email"
      )
      SELECT verified."id"::text AS "userId", verified."email", l."tokenHash" AS "linkHash"
      FROM verified JOIN spent ON spent."userId" = verified."id"
      LEFT JOIN "InviteLink" l ON l."id" = spent."inviteLinkId"`;
    return rows[0] ? { ok: true as const, ...rows[0] } : fail("NOT_FOUND", INVALID);
  });
  if (!confirmed.ok) return confirmed;
  const { email, linkHash } = confirmed;
  if (!linkHash) return { ok: true as const, email, joined: fail("NOT_FOUND", "The invite link no longer exists.") };
  const joined = await runTransaction((tx) => joinThroughLink(tx, confirmed.userId, linkHash));
  return { ok: true as const, email, joined };
}
