import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { runSqlStatement, runSqlTransaction, type SqlTx } from "@/lib/db/run-transaction";
import { signalOutbox } from "@/lib/email/outbox-signal";
import { fail } from "@/lib/result";
import { ACCEPT_ATTEMPTS, ACCEPT_KEPT_CHANGING, acceptPendingInvitation } from "./accept-pending-invitation";
import { refuseBeforeAnswering, refuseUnverified } from "./answer-refusals";
import { readAnswerParties, type AnswerTarget } from "./read-invitation-to-answer";

/** The signed-in invitee accepts the invitation the target names (by token or by id); the two entry points check the target's shape first. */
export async function acceptAsInvitee(actor: Actor, target: AnswerTarget) {
  for (let attempt = 1; ; attempt += 1) {
    const { invitee: user, invitation } = await readAnswerParties(actor.userId, target);
    if (!user) return fail("UNAUTHENTICATED", "Sign in to continue.");
    const unverified = refuseUnverified(target, user);
    if (unverified) return unverified;
    const refusal = await refuseBeforeAnswering(user, invitation, target);
    if (refusal) return refusal;
    if (invitation!.emailCanonical !== user.emailCanonical) {
      return fail("FORBIDDEN", `This invitation is for ${invitation!.email}; you are signed in as ${user.email}.`);
    }
    const accept = (sql: SqlTx) => acceptPendingInvitation(sql, user.id, invitation!, target);
    // A seat count needs the team's lock, and webhook rows their own statements, both beside the
    // accept in one transaction; otherwise the accept is one statement.
    const { seatLimit, hasWebhooks } = invitation!.team;
    const result = seatLimit !== null || hasWebhooks ? await runSqlTransaction(accept) : await runSqlStatement(accept);
    if (result === null) {
      if (attempt < ACCEPT_ATTEMPTS) continue;
      return ACCEPT_KEPT_CHANGING;
    }
    if (result.ok && !result.alreadyMember) signalOutbox();
    return result;
  }
}
