import "server-only";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { runTransaction } from "@/lib/db/run-transaction";
import { abortTransaction } from "@/lib/db/transaction-abort";
import { signalOutbox } from "@/lib/email/outbox-signal";
import type { TeamRef } from "@/lib/teams/authorize-team";
import { authorizeInvitation } from "./authorize-invitation";
import { closePendingInvitation } from "./close-pending-invitation";
import { describeClosedInvitation } from "./describe-closed-invitation";

/** Pending only: the link stops working at once (the update is conditional on PENDING). */
export async function withdrawInvitation(actor: Actor | null, team: TeamRef, invitationId: string) {
  const auth = await authorizeInvitation(actor, team, invitationId);
  if (!auth.ok) return auth;
  const { access, invitation } = auth;
  const result = await runTransaction(async (tx) => {
    const close = await closePendingInvitation(
      tx,
      { id: invitation.id, teamId: access.team.id },
      { status: "WITHDRAWN", unexpiredOnly: false },
    );
    if (!close.closed) abortTransaction(describeClosedInvitation(close.state, { to: "admin" }));
    await recordAuditEvents(tx, [
      {
        teamId: access.team.id,
        actorId: access.membership.userId,
        action: "invitation.withdrawn",
        targetType: "invitation",
        targetId: invitation.id,
        metadata: { email: invitation.email },
      },
    ]);
    return { ok: true as const, id: invitation.id };
  });
  // Wakes the sender for the webhook event queued with the withdrawal.
  if (result.ok) signalOutbox();
  return result;
}
