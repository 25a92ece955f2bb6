import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import { runSqlTransaction } from "@/lib/db/run-transaction";
import { abortTransaction } from "@/lib/db/transaction-abort";
import { signalOutbox } from "@/lib/email/outbox-signal";
import { fail } from "@/lib/result";
import { notFoundMessage, refuseBeforeAnswering, refuseUnverified } from "./answer-refusals";
import { closePendingInvitation } from "./close-pending-invitation";
import { describeClosedInvitation } from "./describe-closed-invitation";
import { readAnswerParties, type AnswerTarget } from "./read-invitation-to-answer";

/**
 * Declines under the same conditional close as accept. The invitee may decline; so may someone
 * signed out who holds the link (it proves access to the invited inbox), recorded as "link". A
 * signed-in account that is not the invitee may not.
 */
export async function declineAsInvitee(actor: Actor | null, target: AnswerTarget, reason: string | undefined) {
  const notFound = notFoundMessage(target);
  const { invitee: user, invitation } = await readAnswerParties(actor?.userId ?? null, target);
  if (actor && !user) return fail("UNAUTHENTICATED", "Sign in to continue.");
  const unverified = refuseUnverified(target, user);
  if (unverified) return unverified;
  const refusal = await refuseBeforeAnswering(user, invitation, target);
  if (refusal)
    return refusal.ok
      ? describeClosedInvitation("ACCEPTED", { to: "invitee", team: invitation!.team.name, notFound })
      : refusal;
  if (user && invitation!.emailCanonical !== user.emailCanonical) {
    return fail(
      "FORBIDDEN",
      "This invitation is for a different address than the account you are signed in with. Sign in as the invitee, or sign out to decline it with the link.",
    );
  }
  const found = invitation!;
  const ref = { id: found.id, ...(target.by === "token" ? { tokenHash: target.tokenHash } : {}) };
  const result = await runSqlTransaction(async (tx) => {
    const close = await closePendingInvitation(tx, ref, {
      status: "DECLINED",
      responderId: user?.id ?? null,
      declineReason: reason ?? null,
      unexpiredOnly: true,
      webhooks: found.team.hasWebhooks,
    });
    if (!close.closed)
      abortTransaction(describeClosedInvitation(close.state, { to: "invitee", team: found.team.name, notFound }));
    await recordAuditEvents(tx, [
      {
        teamId: close.invitation.teamId,
        actorId: user?.id ?? null,
        action: "invitation.declined",
        targetType: "invitation",
        targetId: found.id,
        metadata: { email: close.invitation.email, by: user ? "invitee" : "link", ...(reason ? { reason } : {}) },
      },
    ]);
    return { ok: true as const, invitationId: found.id, team: { name: found.team.name } };
  });
  if (result.ok) signalOutbox();
  return result;
}
