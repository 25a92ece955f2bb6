import "server-only";
import { abortTransaction } from "@/lib/db/transaction-abort";
import type { SqlTx } from "@/lib/db/run-transaction";
import { announceNewMember } from "@/lib/members/add-team-member";
import { lockTeamSeats } from "@/lib/members/lock-team-seats";
import { can, canGrantRole } from "@/lib/permissions/can";
import { fail } from "@/lib/result";
import { acceptInvitationSql } from "./accept-invitation-sql";
import { announceClosedInvitation, type ClosedInvitation } from "./close-pending-invitation";
import { describeClosedInvitation } from "./describe-closed-invitation";
import { readClosedState } from "./read-closed-state";
import type { AnswerTarget, InvitationToAnswer } from "./read-invitation-to-answer";

export type AcceptSuccess = {
  ok: true;
  invitationId: string;
  team: { id: string; name: string; slug: string };
  role: { name: string };
  alreadyMember: boolean;
};

/** Reads in all when the invitation or its inviter keeps changing between the read and the write. */
export const ACCEPT_ATTEMPTS = 3;
/** What the invitee hears when they did all ACCEPT_ATTEMPTS: nothing was written. */
export const ACCEPT_KEPT_CHANGING = fail(
  "UNAVAILABLE",
  "This invitation is being changed right now. Try again in a moment.",
  { retryAfterSeconds: 2 },
);

export function acceptSuccess(invitation: InvitationToAnswer, roleName: string, alreadyMember: boolean): AcceptSuccess {
  const { id, name, slug } = invitation.team;
  return { ok: true, invitationId: invitation.id, team: { id, name, slug }, role: { name: roleName }, alreadyMember };
}

/**
 * The accept itself, after the refusals of the read. Locks in the documented order: the team's
 * row (only when it has a seat limit), then in one statement the inviter's membership (shared,
 * so a demotion or removal waits for this accept instead of slipping in between the check and
 * the commit), the invitation (the conditional flip to ACCEPTED, under the token presented) and
 * the invitee's new membership with its groups, audit rows and the inviter's notification.
 *
 * The inviter's right to grant the role is checked here, on the read (the rule stays in can.ts),
 * and the statement flips only while that read still holds: the invitation is the version read
 * (`xmin`; an edit of its role or groups makes a new one), the inviter holds the role read, and
 * both roles still rank and allow as read. If anything changed, nothing is written and the
 * answer is null: read again and decide again (acceptAsInvitee does). Without a seat limit or
 * webhooks the statement is the whole accept and needs no transaction of its own; inside the
 * caller's (sign-up creates the account in it) every refusal aborts it.
 */
export async function acceptPendingInvitation(
  tx: SqlTx,
  userId: string,
  invitation: InvitationToAnswer,
  target: AnswerTarget,
): Promise<AcceptSuccess | null> {
  const { team, inviter, role } = invitation;
  if (team.seatLimit !== null) {
    const seats = await lockTeamSeats(tx, team.id);
    if (seats.limit !== null && seats.members >= seats.limit) {
      const member = await tx.$queryRaw<Array<{ id: string }>>`
        SELECT "id"::text AS "id" FROM "Membership" WHERE "teamId" = ${team.id}::uuid AND "userId" = ${userId}::uuid`;
      if (member.length === 0)
        abortTransaction(
          fail("LIMIT_REACHED", `${team.name} has no free seats. Ask an admin to make room, then accept again.`),
        );
    }
  }
  // The inviter may have lost members.manage, been demoted, or left since sending.
  if (!inviter || !can(inviter.role, "members.manage") || !canGrantRole(inviter.role, role)) {
    abortTransaction(
      fail(
        "FORBIDDEN",
        `This invitation can no longer grant the ${role.name} role because the person who sent it can't grant it anymore. Ask an admin of ${team.name} to invite you again.`,
      ),
    );
  }

  const ref = { id: invitation.id, ...(target.by === "token" ? { tokenHash: target.tokenHash } : {}) };
  const change = { status: "ACCEPTED", responderId: userId, unexpiredOnly: true, webhooks: team.hasWebhooks } as const;
  const member = {
    teamId: team.id,
    userId,
    roleId: role.id,
    via: { invitationId: invitation.id, email: invitation.email },
    webhooks: team.hasWebhooks,
  };
  const rows = await tx.$queryRaw<Array<ClosedInvitation & { membershipId: string | null }>>(
    acceptInvitationSql({ ...invitation, inviter }, ref, change, member),
  );
  const closed = rows[0];
  if (!closed) {
    const { state, responderId, answerable } = await readClosedState(tx, ref);
    // The row, the inviter or a role changed since the read: nothing was written.
    if (answerable) return null;
    // Our own accept, a moment earlier (a double click, two tabs): the same success again.
    if (state === "ACCEPTED" && responderId === userId) return acceptSuccess(invitation, role.name, true);
    abortTransaction(
      describeClosedInvitation(state, {
        to: "invitee",
        team: team.name,
        notFound: "This invitation link is not valid.",
      }),
    );
  }
  const { membershipId, ...invitationClosed } = closed;
  await announceClosedInvitation(tx, invitationClosed, change);
  // An existing membership is left as it is (and then no "member.joined" event is written).
  const joined = await announceNewMember(tx, member, membershipId);
  return acceptSuccess(invitation, role.name, joined === null);
}
