import "server-only";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { newPasswordSchema } from "@/lib/auth/new-password-schema";
import { hashInviteLinkToken } from "@/lib/crypto/invite-link-token";
import { db } from "@/lib/db";
import { readDatabaseNow } from "@/lib/db/database-now";
import { runTransaction } from "@/lib/db/run-transaction";
import { abortTransaction } from "@/lib/db/transaction-abort";
import { signalOutbox } from "@/lib/email/outbox-signal";
import { parseEmail } from "@/lib/email/parse-email";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { fail } from "@/lib/result";
import { zodFailure } from "@/lib/validation/zod-failure";
import { describeDeadLink } from "./describe-dead-link";
import { INVITE_LINK_POLICY as POLICY } from "./invite-link-policy";
import { deriveInviteLinkStatus, emailFitsLinkDomain } from "./invite-link-status";
import { queueEmailVerification } from "./queue-email-verification";

export const signUpThroughLinkSchema = z.strictObject({
  name: z.string().trim().min(1, "Enter your name").max(100, "Keep your name under 100 characters"),
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address")
    .max(254, "Enter a shorter address")
    .refine((value) => parseEmail(value).ok, "Enter a valid email address"),
  password: newPasswordSchema,
});

/**
 * Sign-up from /join/<token>. Unlike an invitation, the link proves nothing about the address,
 * so the account is created unverified and a confirmation link is emailed; only following it
 * joins the team (`confirmEmailAndJoin`). Spends no use of the link. Limited per client address.
 */
export async function signUpThroughLink(
  token: string,
  input: unknown,
  requester: { clientAddress: string; language: string },
) {
  const parsed = signUpThroughLinkSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  const email = parseEmail(parsed.data.email);
  if (!email.ok) return fail("INVALID", email.reason, { fieldErrors: { email: [email.reason] } });

  const quota = await consumeRateLimit(db, {
    key: `invite-link-sign-up:${requester.clientAddress}`,
    limit: POLICY.signUpsPerClientPerHour,
    windowSeconds: 3600,
  });
  if (!quota.allowed)
    return fail("RATE_LIMITED", "Too many sign-ups from this network. Try again later.", {
      retryAfterSeconds: quota.resetSeconds,
    });

  // A cheap look first, so a dead link costs no password hashing; the transaction decides.
  const [link, now] = await Promise.all([
    db.inviteLink.findUnique({
      where: { tokenHash: hashInviteLinkToken(token) },
      select: { id: true, revokedAt: true, expiresAt: true, uses: true, maxUses: true, allowedDomain: true },
    }),
    readDatabaseNow(db),
  ]);
  if (!link) return describeDeadLink("INVALID");
  const status = deriveInviteLinkStatus(link, now);
  if (status !== "ACTIVE") return describeDeadLink(status);
  if (!emailFitsLinkDomain(email.canonical, link.allowedDomain)) return describeDeadLink("WRONG_DOMAIN");
  const passwordHash = await hashPassword(parsed.data.password);

  const result = await runTransaction(async (tx) => {
    const created = await tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO "User" ("id", "email", "emailCanonical", "name", "passwordHash", "emailVerifiedAt", "language", "createdAt")
      VALUES (gen_random_uuid(), ${email.address}, ${email.canonical}, ${parsed.data.name}, ${passwordHash}, NULL, ${requester.language}, now())
      ON CONFLICT ("emailCanonical") DO NOTHING
      RETURNING "id"::text AS "id"`;
    const user = created[0];
    if (!user)
      abortTransaction(
        fail("CONFLICT", "An account for this address already exists. Sign in to join.", {
          fieldErrors: { email: ["An account for this address already exists"] },
        }),
      );
    await queueEmailVerification(tx, {
      userId: user.id,
      inviteLinkId: link.id,
      to: email.address,
      language: requester.language,
    });
    return { ok: true as const, email: email.address };
  });
  if (result.ok) signalOutbox();
  return result;
}
