import "server-only";
import type { AuditAction } from "@/lib/audit/audit-actions";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { runTransaction } from "@/lib/db/run-transaction";
import { abortTransaction } from "@/lib/db/transaction-abort";
import { isDomainAllowed, parseEmail } from "@/lib/email/parse-email";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { fail } from "@/lib/result";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { zodFailure } from "@/lib/validation/zod-failure";
import {
  JOIN_REQUEST_WINDOW_SECONDS,
  SUGGESTIONS_PER_MEMBER_PER_HOUR,
  suggestMemberSchema,
} from "./join-request-rules";

const SUGGESTED: AuditAction = "join_request.suggested";

/**
 * Any member may suggest an address; an admin (members.manage) approves it into an invitation.
 * Refused like an invite would be (domain, member, pending invitation) and once per pending
 * address: the partial unique index on (teamId, pendingKey) settles two suggestions racing.
 */
export async function suggestMember(actor: Actor | null, team: TeamRef, input: unknown) {
  const access = await authorizeTeam(db, actor, team, "members.read");
  if (!access.ok) return access;
  const parsed = suggestMemberSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  const email = parseEmail(parsed.data.email);
  if (!email.ok) return fail("INVALID", email.reason, { fieldErrors: { email: [email.reason] } });
  if (!isDomainAllowed(email.domain, access.team.allowedDomains)) {
    const reason = `${access.team.name} only invites addresses on ${access.team.allowedDomains.join(", ")}.`;
    return fail("INVALID", reason, { fieldErrors: { email: [reason] } });
  }
  const teamId = access.team.id;
  const requesterId = access.membership.userId;

  const created = await runTransaction(async (tx) => {
    const [state] = await tx.$queryRaw<Array<{ member: boolean; invited: boolean }>>`
      SELECT
        EXISTS (SELECT 1 FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
          WHERE m."teamId" = ${teamId}::uuid AND u."emailCanonical" = ${email.canonical}) AS "member",
        EXISTS (SELECT 1 FROM "Invitation" i
          WHERE i."teamId" = ${teamId}::uuid AND i."pendingKey" = ${email.canonical} AND i."expiresAt" > now()) AS "invited"`;
    if (state!.member) abortTransaction(conflict(`${email.address} is already a member of ${access.team.name}.`));
    if (state!.invited) abortTransaction(conflict(`${email.address} already has a pending invitation.`));
    const rows = await tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO "JoinRequest" ("id", "teamId", "kind", "email", "emailCanonical", "pendingKey", "note", "requesterId")
      VALUES (gen_random_uuid(), ${teamId}::uuid, 'SUGGESTION', ${email.address}, ${email.canonical}, ${email.canonical},
        ${parsed.data.note}, ${requesterId}::uuid)
      ON CONFLICT ("teamId", "pendingKey") DO NOTHING
      RETURNING "id"::text AS "id"`;
    const id = rows[0]?.id;
    if (!id)
      abortTransaction(
        conflict(`${email.address} is already waiting for an admin's answer: suggested or asked to join before.`),
      );
    await tx.auditEvent.create({
      data: {
        teamId,
        actorId: requesterId,
        action: SUGGESTED,
        targetType: "join_request",
        targetId: id,
        metadata: { email: email.address, via: actor!.kind },
      },
    });
    const quota = await consumeRateLimit(tx, {
      key: `join-request:suggest:${teamId}:${requesterId}`,
      limit: SUGGESTIONS_PER_MEMBER_PER_HOUR,
      windowSeconds: JOIN_REQUEST_WINDOW_SECONDS,
    });
    if (!quota.allowed)
      abortTransaction(
        fail("RATE_LIMITED", `You made ${SUGGESTIONS_PER_MEMBER_PER_HOUR} suggestions this hour. Try again later.`, {
          retryAfterSeconds: quota.resetSeconds,
        }),
      );
    return { ok: true as const, id, email: email.address };
  });
  return created;
}

const conflict = (message: string) => fail("CONFLICT", message, { fieldErrors: { email: [message] } });
