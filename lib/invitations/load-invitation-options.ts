import "server-only";
import { db } from "@/lib/db";
import { listTeamInviters } from "@/lib/invitations/list-team-inviters";
import { countTeamSeats } from "@/lib/members/count-team-seats";
import { grantableRoles } from "@/lib/permissions/grantable-roles";
import type { TeamAccess } from "@/lib/teams/authorize-team";

/**
 * What the invitations page and the invite dialog need beside the rows: roles, the roles the
 * viewer may grant (decided here, by `canGrantRole`), groups, the people who invited, and the
 * team's invitation lifetime and seats as the team's settings hold them now.
 */
export async function loadInvitationOptions(access: TeamAccess) {
  const teamId = access.team.id;
  const [roles, groups, inviters, seats] = await Promise.all([
    db.role.findMany({ where: { teamId }, orderBy: { rank: "desc" }, select: { id: true, name: true, rank: true } }),
    db.group.findMany({ where: { teamId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    listTeamInviters(db, teamId),
    access.team.seatLimit === null ? null : countTeamSeats(db, teamId),
  ]);
  return {
    teamSlug: access.team.slug,
    roles,
    groups,
    inviters: inviters.map((user) => ({ value: user.id, label: user.name })),
    allowedDomains: access.team.allowedDomains,
    lifetimeDays: access.team.invitationLifetimeDays,
    seats:
      seats && access.team.seatLimit !== null
        ? {
            limit: access.team.seatLimit,
            used: seats.members + seats.pending,
            free: Math.max(0, access.team.seatLimit - seats.members - seats.pending),
          }
        : null,
    grantableRoles: grantableRoles(access.role, roles).map(({ id, name }) => ({ id, name })),
  };
}
