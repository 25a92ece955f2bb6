import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { addTeamMemberSql, type NewMember } from "@/lib/members/add-team-member";
import { closePendingInvitationSql, type CloseChange } from "./close-pending-invitation";
import type { InvitationRef } from "./read-closed-state";
import type { InvitationToAnswer } from "./read-invitation-to-answer";

export type InvitationAsRead = InvitationToAnswer & { inviter: NonNullable<InvitationToAnswer["inviter"]> };

/**
 * Accepting as one statement: share-lock the inviter's membership, flip the invitation while it
 * is still as read (its version, the inviter's role, both roles' rank and permissions), and from
 * the flipped row write the membership, its groups (read in the same snapshot as the version the
 * flip matched), the audit rows and the inviter's notification. It answers the flipped row, or no
 * row when anything differs from the read. Kept within nameStatement's parameter limit, so every
 * connection prepares and plans it once.
 */
export function acceptInvitationSql(
  invitation: InvitationAsRead,
  ref: InvitationRef,
  change: CloseChange,
  member: Omit<NewMember, "roleName" | "groupIds">,
): Prisma.Sql {
  const { inviter, role } = invitation;
  const asRead = Prisma.sql`AND "xmin" = ${invitation.version}::xid
    AND EXISTS (SELECT 1 FROM inviter i JOIN "Role" r ON r."id" = i."roleId"
      WHERE i."roleId" = ${inviter.roleId}::uuid AND r."rank" = ${inviter.role.rank}::int AND r."permissions" = ${inviter.role.permissions}::text[])
    AND EXISTS (SELECT 1 FROM "Role" r WHERE r."id" = "Invitation"."roleId" AND r."rank" = ${role.rank}::int AND r."name" = ${role.name})`;
  return Prisma.sql`
    WITH inviter AS (
      SELECT "roleId" FROM "Membership" WHERE "teamId" = ${member.teamId}::uuid AND "userId" = ${inviter.id}::uuid FOR SHARE
    ), ${closePendingInvitationSql(ref, change, asRead)},
    ${addTeamMemberSql({
      ...member,
      roleName: Prisma.sql`${role.name}::text`,
      groupIds: Prisma.sql`(SELECT coalesce(array_agg(g."groupId"), '{}') FROM "InvitationGroup" g JOIN closed ON g."invitationId" = closed."id")`,
      when: Prisma.sql`closed`,
    })}
    SELECT "id"::text AS "id", "teamId"::text AS "teamId", "email", "emailCanonical", "roleId"::text AS "roleId",
      "inviterId"::text AS "inviterId", (SELECT "id"::text FROM membership) AS "membershipId"
    FROM closed`;
}
