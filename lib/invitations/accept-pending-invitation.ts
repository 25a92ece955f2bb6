import "server-only";
import { abortTransaction } from "@/lib/db/transaction-abort";
import type { SqlTx } from "@/lib/db/run-transaction";
import { Prisma } from "@/lib/generated/prisma/client";
import { addTeamMemberSql, announceNewMember } from "@/lib/members/add-team-member";
import { lockTeamSeats } from "@/lib/members/lock-team-seats";
import { can, canGrantRole } from "@/lib/permissions/can";
import { fail } from "@/lib/result";
import { closePendingInvitation } from "./close-pending-invitation";
import { describeClosedInvitation } from "./describe-closed-invitation";
import type { AnswerTarget, InvitationToAnswer } from "./read-invitation-to-answer";

export type AcceptSuccess = {
  ok: true;
  invitationId: string;
  team: { id: string; name: string; slug: string };
  role: { name: string };
  alreadyMember: boolean;
};

export function acceptSuccess(invitation: InvitationToAnswer, roleName: string, alreadyMember: boolean): AcceptSuccess {
  const { id, name, slug } = invitation.team;
  return { ok: true, invitationId: invitation.id, team: { id, name, slug }, role: { name: roleName }, alreadyMember };
}

/**
 * The accept itself, inside the caller's transaction (sign-up creates the account in the same
 * one); every refusal aborts it, so nothing the caller wrote is kept. Locks in the documented
 * order: the team's row (only when it has a seat limit), then the invitation (the conditional
 * flip to ACCEPTED, under the token presented), then the memberships (the inviter's, shared,
 * and the invitee's new one, in one statement). The role and groups the
 * invitee joins with, and the check that the inviter may still grant that role, are read after
 * the flip, from the invitation as it was when it flipped: an edit either committed before the
 * flip (and is what the invitee gets) or comes after it and finds the invitation closed.
 */
export async function acceptPendingInvitation(
  tx: SqlTx,
  userId: string,
  invitation: InvitationToAnswer,
  target: AnswerTarget,
): Promise<AcceptSuccess> {
  const { team } = invitation;
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

  const ref = { id: invitation.id, ...(target.by === "token" ? { tokenHash: target.tokenHash } : {}) };
  const close = await closePendingInvitation(tx, ref, {
    status: "ACCEPTED",
    responderId: userId,
    unexpiredOnly: true,
    webhooks: team.hasWebhooks,
  });
  if (!close.closed) {
    // Our own accept, a moment earlier (a double click, two tabs): the same success again.
    if (close.state === "ACCEPTED" && close.responderId === userId)
      return acceptSuccess(invitation, invitation.role.name, true);
    abortTransaction(
      describeClosedInvitation(close.state, {
        to: "invitee",
        team: team.name,
        notFound: "This invitation link is not valid.",
      }),
    );
  }
  const closed = close.invitation;

  // One statement after the flip (so it reads the invitation's groups as they were when it
  // flipped): the inviter's membership, share-locked so a demotion or removal waits for this
  // accept instead of slipping in between the check and the commit; the roles; and the
  // membership itself, written before the check and rolled back with everything else when the
  // check refuses (the rule stays in can.ts).
  const member = {
    teamId: closed.teamId,
    userId,
    roleId: closed.roleId,
    via: { invitationId: closed.id, email: closed.email },
    webhooks: team.hasWebhooks,
  };
  const grants = await tx.$queryRaw<
    Array<{
      roleName: string;
      roleRank: number;
      inviterRank: number | null;
      inviterPermissions: string[] | null;
      membershipId: string | null;
    }>
  >`
    WITH inviter AS (
      SELECT "roleId" FROM "Membership" WHERE "teamId" = ${closed.teamId}::uuid AND "userId" = ${closed.inviterId}::uuid FOR SHARE
    ), granted AS (
      SELECT r."name" AS "roleName", r."rank" AS "roleRank", ir."rank" AS "inviterRank", ir."permissions" AS "inviterPermissions",
        coalesce((SELECT array_agg(g."groupId") FROM "InvitationGroup" g WHERE g."invitationId" = ${closed.id}::uuid), '{}') AS "groupIds"
      FROM "Role" r
      LEFT JOIN inviter ON true
      LEFT JOIN "Role" ir ON ir."id" = inviter."roleId"
      WHERE r."id" = ${closed.roleId}::uuid
    ), ${addTeamMemberSql({
      ...member,
      roleName: Prisma.sql`(SELECT "roleName" FROM granted)::text`,
      groupIds: Prisma.sql`(SELECT "groupIds" FROM granted)`,
    })}
    SELECT "roleName", "roleRank", "inviterRank", "inviterPermissions", (SELECT "id"::text FROM membership) AS "membershipId"
    FROM granted`;
  const grant = grants[0]!;
  const inviterRole =
    grant.inviterRank === null ? null : { rank: grant.inviterRank, permissions: grant.inviterPermissions ?? [] };
  // The inviter may have lost members.manage, been demoted, or left since sending.
  if (!inviterRole || !can(inviterRole, "members.manage") || !canGrantRole(inviterRole, { rank: grant.roleRank })) {
    abortTransaction(
      fail(
        "FORBIDDEN",
        `This invitation can no longer grant the ${grant.roleName} role because the person who sent it can't grant it anymore. Ask an admin of ${team.name} to invite you again.`,
      ),
    );
  }

  // An existing membership is left as it is (and then no "member.joined" event is written).
  const joined = await announceNewMember(tx, member, grant.membershipId);
  const alreadyMember = joined === null;
  return acceptSuccess(invitation, grant.roleName, alreadyMember);
}
