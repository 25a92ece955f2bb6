import "server-only";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import { hashInvitationToken, isWellFormedInvitationToken } from "@/lib/crypto/invitation-token";
import { db } from "@/lib/db";
import { signalOutbox } from "@/lib/email/outbox-signal";

/**
 * "Ask for a new invitation" on an expired link: tells the inviter once (email + audit).
 * The answer is the same whatever the token, so it reveals nothing to someone guessing.
 */
export async function requestInvitationRenewal(token: string): Promise<{ ok: true }> {
  if (!isWellFormedInvitationToken(token)) return { ok: true };
  const notified = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: string; teamId: string; email: string; inviterId: string | null }>>`
      UPDATE "Invitation" SET "renewalRequestedAt" = now()
      WHERE "tokenHash" = ${hashInvitationToken(token)} AND "status" = 'PENDING'
        AND "expiresAt" <= now() AND "renewalRequestedAt" IS NULL
      RETURNING "id", "teamId", "email", "inviterId"`;
    const invitation = rows[0];
    if (!invitation) return false;
    await recordAuditEvents(tx, [
      { teamId: invitation.teamId, actorId: null, action: "invitation.renewal_requested", targetType: "invitation", targetId: invitation.id, metadata: { email: invitation.email } },
    ]);
    const inviter = invitation.inviterId
      ? await tx.user.findUnique({ where: { id: invitation.inviterId }, select: { email: true } })
      : null;
    if (inviter) {
      await tx.emailOutbox.create({
        data: {
          invitationId: invitation.id,
          kind: "renewal_request",
          to: inviter.email,
          payload: {},
          idempotencyKey: `invitation/${invitation.id}/renewal-request`,
        },
      });
    }
    return true;
  });
  if (notified) signalOutbox();
  return { ok: true };
}
