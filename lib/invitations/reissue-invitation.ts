import "server-only";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { generateInvitationToken, hashInvitationToken, sealInvitationToken } from "@/lib/crypto/invitation-token";
import { Prisma } from "@/lib/generated/prisma/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { abortTransaction } from "@/lib/db/transaction-abort";
import { env } from "@/lib/env";
import { enqueueInvitationEmails } from "@/lib/email/enqueue-invitation-email";
import { signalOutbox } from "@/lib/email/outbox-signal";
import { lockTeamSeats } from "@/lib/members/lock-team-seats";
import { consumeRateLimits } from "@/lib/rate-limit/consume-rate-limit";
import { recipientRateLimitKey } from "@/lib/rate-limit/recipient-rate-limit-key";
import { fail } from "@/lib/result";
import type { TeamRef } from "@/lib/teams/authorize-team";
import { authorizeInvitation } from "./authorize-invitation";
import { describeClosedInvitation } from "./describe-closed-invitation";
import { readClosedState } from "./read-closed-state";

/**
 * Sends a pending or expired invitation again: restarts the lifetime from now on the database
 * clock, clears the reminder and renewal flags, and queues the email. A resend keeps the link, so
 * every earlier email still works. `rotate` (the "Reset link" action) gives it a new token
 * instead: the old link dies, even for an accept already in flight (accept's close is conditional
 * on the token it was given), and its hash is kept in InvitationPreviousToken so the old link can
 * say it was replaced. Reviving an expired invitation takes a seat again, so it passes the same
 * seat check as a new one. Quotas are charged last, only for a send that happened.
 */
export async function reissueInvitation(
  actor: Actor | null,
  team: TeamRef,
  invitationId: string,
  { rotate }: { rotate: boolean },
) {
  const auth = await authorizeInvitation(actor, team, invitationId);
  if (!auth.ok) return auth;
  const { access, invitation } = auth;
  if (invitation.status !== "PENDING") return describeClosedInvitation(invitation.status, { to: "admin" });
  const teamId = access.team.id;

  const token = rotate ? generateInvitationToken() : null;
  const newToken = token
    ? Prisma.sql`"tokenHash" = ${hashInvitationToken(token)}, "tokenSealed" = ${sealInvitationToken(token)},`
    : Prisma.empty;
  const result = await runTransaction(async (tx) => {
    const seats = access.team.seatLimit === null ? null : await lockTeamSeats(tx, teamId);
    const mayRevive = !seats || seats.free >= 1;
    // The self-join reads the row's hash as it was before this update, under the lock the update needs
    // (a new token changes a unique key: FOR UPDATE), so no other reset slips in between.
    const rows = await tx.$queryRaw<
      Array<{ sendCount: number; email: string; emailCanonical: string; expiresAt: Date; previousHash: string }>
    >`
      UPDATE "Invitation" i
      SET ${newToken}
          "expiresAt" = now() + make_interval(days => ${access.team.invitationLifetimeDays}::int),
          "sendCount" = "sendCount" + 1,
          "lastSentAt" = now(),
          "deliveryStatus" = 'QUEUED',
          "deliveryError" = NULL,
          "renewalRequestedAt" = NULL,
          "reminderQueuedAt" = NULL,
          "updatedAt" = now()
      FROM (SELECT "id", "tokenHash" FROM "Invitation" WHERE "id" = ${invitation.id}::uuid ${rotate ? Prisma.sql`FOR UPDATE` : Prisma.sql`FOR NO KEY UPDATE`}) AS before
      WHERE i."id" = before."id" AND i."teamId" = ${teamId}::uuid AND i."status" = 'PENDING'
        AND (i."expiresAt" > now() OR ${mayRevive}::boolean)
      RETURNING i."sendCount", i."email", i."emailCanonical", i."expiresAt", before."tokenHash" AS "previousHash"`;
    const row = rows[0];
    if (!row) {
      const { state } = await readClosedState(tx, { id: invitation.id, teamId });
      abortTransaction(
        state === "EXPIRED"
          ? fail(
              "LIMIT_REACHED",
              `This team has no free seats of ${seats?.limit}; remove members or pending invitations before renewing this one.`,
            )
          : describeClosedInvitation(state, { to: "admin" }),
      );
    }
    if (rotate) {
      await tx.invitationPreviousToken.create({ data: { tokenHash: row.previousHash, invitationId: invitation.id } });
    }
    await enqueueInvitationEmails(tx, [{ invitationId: invitation.id, to: row.email, sendNumber: row.sendCount }]);
    await recordAuditEvents(tx, [
      {
        teamId,
        actorId: access.membership.userId,
        action: rotate ? "invitation.link_reset" : "invitation.resent",
        targetType: "invitation",
        targetId: invitation.id,
        metadata: { email: row.email, sendNumber: row.sendCount },
      },
    ]);
    const resendKey = `resend:${invitation.id}`;
    const quota = await consumeRateLimits(tx, {
      windowSeconds: 3600,
      charges: [
        { key: resendKey, limit: env.RESENDS_PER_INVITATION_PER_HOUR, cost: 1 },
        { key: recipientRateLimitKey(row.emailCanonical), limit: env.INVITES_PER_RECIPIENT_PER_HOUR, cost: 1 },
      ],
    });
    const refused = quota.refused[0];
    if (refused) {
      const minutes = Math.ceil(quota.resetSeconds / 60);
      abortTransaction(
        fail(
          "RATE_LIMITED",
          refused.key === resendKey
            ? `This invitation was already sent ${refused.limit} times this hour. Try again in ${minutes} minutes.`
            : `${row.email} already received ${refused.limit} invitations this hour. Try again in ${minutes} minutes.`,
          { retryAfterSeconds: quota.resetSeconds },
        ),
      );
    }
    return { ok: true as const, id: invitation.id, expiresAt: row.expiresAt, sendCount: row.sendCount };
  });
  if (result.ok) signalOutbox();
  return result;
}
