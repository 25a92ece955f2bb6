import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import { hashInvitationToken, isWellFormedInvitationToken } from "@/lib/crypto/invitation-token";
import { runTransaction, type Tx } from "@/lib/db/run-transaction";
import { signalOutbox } from "@/lib/email/outbox-signal";
import type { Failure } from "@/lib/result";

/** Enough people to be sure someone sees it, without mailing a whole large admin list. */
const MAX_RECIPIENTS = 20;

/**
 * "Ask for a new invitation" on an expired link: tells the team once per send (email + audit).
 * The answer is the same whatever the token, so it reveals nothing to someone guessing.
 */
export async function requestInvitationRenewal(token: string): Promise<{ ok: true } | Failure> {
  if (!isWellFormedInvitationToken(token)) return { ok: true };
  // The current link, or one a reset replaced: both belong to the invitee.
  const tokenHash = hashInvitationToken(token);
  const notified = await runTransaction(async (tx) => {
    const rows = await tx.$queryRaw<
      Array<{ id: string; teamId: string; email: string; inviterId: string | null; sendCount: number }>
    >`
      UPDATE "Invitation" SET "renewalRequestedAt" = now()
      WHERE ("tokenHash" = ${tokenHash} OR "id" = (SELECT "invitationId" FROM "InvitationPreviousToken" WHERE "tokenHash" = ${tokenHash}))
        AND "status" = 'PENDING'
        AND "expiresAt" <= now() AND "renewalRequestedAt" IS NULL
      RETURNING "id", "teamId", "email", "inviterId", "sendCount"`;
    const invitation = rows[0];
    if (!invitation) return false;
    await recordAuditEvents(tx, [
      {
        teamId: invitation.teamId,
        actorId: null,
        action: "invitation.renewal_requested",
        targetType: "invitation",
        targetId: invitation.id,
        metadata: { email: invitation.email },
      },
    ]);
    const recipients = await findRenewalRecipients(tx, invitation.teamId, invitation.inviterId);
    // A resend clears renewalRequestedAt, so each send can be asked about once: the send number keeps the keys apart.
    await tx.emailOutbox.createMany({
      data: recipients.map((recipient) => ({
        invitationId: invitation.id,
        kind: "renewal_request",
        to: recipient.email,
        payload: {},
        idempotencyKey: `invitation/${invitation.id}/renewal-request/${invitation.sendCount}/${recipient.userId}`,
      })),
      skipDuplicates: true,
    });
    return recipients.length > 0;
  });
  if (typeof notified === "object") return notified;
  if (notified) signalOutbox();
  return { ok: true };
}

/**
 * The inviter while they can still act on it (a member holding members.manage); otherwise the
 * team's members who can (owners and admins), so somebody is always told.
 */
async function findRenewalRecipients(tx: Tx, teamId: string, inviterId: string | null) {
  const canManage = { teamId, role: { permissions: { has: "members.manage" } } } satisfies Prisma.MembershipWhereInput;
  const select = { userId: true, user: { select: { email: true } } } satisfies Prisma.MembershipSelect;
  const inviter = inviterId
    ? await tx.membership.findFirst({ where: { ...canManage, userId: inviterId }, select })
    : null;
  const chosen = inviter
    ? [inviter]
    : await tx.membership.findMany({
        where: canManage,
        orderBy: [{ role: { rank: "desc" } }, { joinedAt: "asc" }],
        take: MAX_RECIPIENTS,
        select,
      });
  return chosen.map((manager) => ({ userId: manager.userId, email: manager.user.email }));
}
