import "server-only";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { generateInvitationToken, hashInvitationToken, sealInvitationToken } from "@/lib/crypto/invitation-token";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { enqueueInvitationEmails } from "@/lib/email/enqueue-invitation-email";
import { signalOutbox } from "@/lib/email/outbox-signal";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { recipientRateLimitKey } from "@/lib/rate-limit/recipient-rate-limit-key";
import { fail } from "@/lib/result";
import type { TeamRef } from "@/lib/teams/authorize-team";
import { authorizeInvitation, describeClosedInvitation } from "./authorize-invitation";
import { abortTransaction, failureOnAbort } from "./transaction-abort";

/**
 * Pending or expired only. Rotates the token (the old link dies), restarts the lifetime
 * from now on the database clock, and queues the email again. Reviving an expired invitation
 * takes a seat again, so it passes the same seat check as a new one.
 */
export async function resendInvitation(actor: Actor | null, team: TeamRef, invitationId: string) {
  const auth = await authorizeInvitation(actor, team, invitationId);
  if (!auth.ok) return auth;
  const { access, invitation } = auth;
  if (invitation.status !== "PENDING") return fail("CONFLICT", describeClosedInvitation(invitation.status));
  const teamId = access.team.id;

  const token = generateInvitationToken();
  const result = await failureOnAbort(() =>
    db.$transaction(async (tx) => {
      const limit = env.RESENDS_PER_INVITATION_PER_HOUR;
      const outcome = await consumeRateLimit(tx, { key: `resend:${invitation.id}`, limit, windowSeconds: 3600 });
      if (!outcome.allowed) {
        abortTransaction(
          fail("RATE_LIMITED", `This invitation was already sent ${limit} times this hour. Try again in ${Math.ceil(outcome.resetSeconds / 60)} minutes.`, {
            retryAfterSeconds: outcome.resetSeconds,
          }),
        );
      }

      // The team row first, as invite and accept lock it, so seat counts cannot race.
      await tx.$queryRaw`SELECT "id" FROM "Team" WHERE "id" = ${teamId}::uuid FOR UPDATE`;
      const seats = await tx.$queryRaw<Array<{ seatLimit: number | null; expired: boolean; members: number; pending: number }>>`
        SELECT t."seatLimit",
          (SELECT i."expiresAt" <= now() FROM "Invitation" i WHERE i."id" = ${invitation.id}::uuid AND i."teamId" = t."id") AS expired,
          (SELECT count(*)::int FROM "Membership" m WHERE m."teamId" = t."id") AS members,
          (SELECT count(*)::int FROM "Invitation" p WHERE p."teamId" = t."id" AND p."status" = 'PENDING' AND p."expiresAt" > now()) AS pending
        FROM "Team" t WHERE t."id" = ${teamId}::uuid`;
      const seat = seats[0];
      if (seat?.expired && seat.seatLimit !== null && seat.members + seat.pending >= seat.seatLimit) {
        abortTransaction(
          fail("LIMIT_REACHED", `This team has no free seats of ${seat.seatLimit}; remove members or pending invitations before renewing this one.`),
        );
      }

      const rows = await tx.$queryRaw<Array<{ sendCount: number; email: string; emailCanonical: string; expiresAt: Date }>>`
        UPDATE "Invitation"
        SET "tokenHash" = ${hashInvitationToken(token)},
            "tokenSealed" = ${sealInvitationToken(token)},
            "expiresAt" = now() + make_interval(days => ${access.team.invitationLifetimeDays}::int),
            "sendCount" = "sendCount" + 1,
            "lastSentAt" = now(),
            "deliveryStatus" = 'QUEUED',
            "deliveryError" = NULL,
            "renewalRequestedAt" = NULL,
            "updatedAt" = now()
        WHERE "id" = ${invitation.id}::uuid AND "teamId" = ${teamId}::uuid AND "status" = 'PENDING'
        RETURNING "sendCount", "email", "emailCanonical", "expiresAt"`;
      const row = rows[0];
      if (!row) {
        const current = await tx.invitation.findFirst({ where: { id: invitation.id }, select: { status: true } });
        abortTransaction(current ? fail("CONFLICT", describeClosedInvitation(current.status)) : fail("NOT_FOUND", "Invitation not found."));
      }
      const recipientLimit = env.INVITES_PER_RECIPIENT_PER_HOUR;
      const recipient = await consumeRateLimit(tx, { key: recipientRateLimitKey(row.emailCanonical), limit: recipientLimit, windowSeconds: 3600 });
      if (!recipient.allowed) {
        abortTransaction(
          fail("RATE_LIMITED", `${row.email} already received ${recipientLimit} invitations this hour. Try again in ${Math.ceil(recipient.resetSeconds / 60)} minutes.`, {
            retryAfterSeconds: recipient.resetSeconds,
          }),
        );
      }
      await enqueueInvitationEmails(tx, [{ invitationId: invitation.id, to: row.email, sendNumber: row.sendCount }]);
      await recordAuditEvents(tx, [
        {
          teamId,
          actorId: access.membership.userId,
          action: "invitation.resent",
          targetType: "invitation",
          targetId: invitation.id,
          metadata: { email: row.email, sendNumber: row.sendCount },
        },
      ]);
      return { ok: true as const, id: invitation.id, expiresAt: row.expiresAt, sendCount: row.sendCount };
    }),
  );
  if (result.ok) signalOutbox();
  return result;
}
