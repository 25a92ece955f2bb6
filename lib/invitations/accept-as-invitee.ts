import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { runSqlTransaction } from "@/lib/db/run-transaction";
import { signalOutbox } from "@/lib/email/outbox-signal";
import { fail } from "@/lib/result";
import { acceptPendingInvitation } from "./accept-pending-invitation";
import { refuseBeforeAnswering, refuseUnverified } from "./answer-refusals";
import { readAnswerParties, type AnswerTarget } from "./read-invitation-to-answer";

/** The signed-in invitee accepts the invitation the target names (by token or by id); the two entry points check the target's shape first. */
export async function acceptAsInvitee(actor: Actor, target: AnswerTarget) {
  const { invitee: user, invitation } = await readAnswerParties(actor.userId, target);
  if (!user) return fail("UNAUTHENTICATED", "Sign in to continue.");
  const unverified = refuseUnverified(target, user);
  if (unverified) return unverified;
  const refusal = await refuseBeforeAnswering(user, invitation, target);
  if (refusal) return refusal;
  if (invitation!.emailCanonical !== user.emailCanonical) {
    return fail("FORBIDDEN", `This invitation is for ${invitation!.email}; you are signed in as ${user.email}.`);
  }
  const result = await runSqlTransaction((tx) => acceptPendingInvitation(tx, user.id, invitation!, target));
  if (result.ok && !result.alreadyMember) signalOutbox();
  return result;
}
