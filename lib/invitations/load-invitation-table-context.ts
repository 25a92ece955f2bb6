import "server-only";
import { db } from "@/lib/db";
import { grantableRoles } from "@/lib/permissions/grantable-roles";
import type { TeamAccess } from "@/lib/teams/authorize-team";

/**
 * What the invitations page and the invite dialog need beside the rows: roles, the roles the
 * viewer may grant (decided here, by `canGrantRole`), groups, the people who invited, and the
 * team's invitation lifetime and seats as the team's settings hold them now.
 */
export async function loadInvitationTableContext(access: TeamAccess) {
  const teamId = access.team.id;
  const [roles, groups, inviters] = await Promise.all([
    db.role.findMany({ where: { teamId }, orderBy: { rank: "desc" }, select: { id: true, name: true, rank: true } }),
    db.group.findMany({ where: { teamId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.user.findMany({
      where: { invitationsSent: { some: { teamId } } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
      take: 200,
    }),
  ]);
  return {
    teamSlug: access.team.slug,
    roles,
    groups,
    inviters: inviters.map((user) => ({ value: user.id, label: user.name })),
    allowedDomains: access.team.allowedDomains,
    lifetimeDays: access.team.invitationLifetimeDays,
    grantableRoles: grantableRoles(access.role, roles).map(({ id, name }) => ({ id, name })),
  };
}
