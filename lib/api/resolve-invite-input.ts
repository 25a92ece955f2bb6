import "server-only";
import { db } from "@/lib/db";
import type { TeamRef } from "@/lib/teams/authorize-team";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Lets API callers name a role by key and groups by name. Unknown names pass through
 * unchanged, so the data layer (which authorizes first) answers them as unknown ids.
 */
export async function resolveInviteInput(team: TeamRef, role: string, groups: string[] = []) {
  const teamWhere = "teamId" in team ? (UUID.test(team.teamId) ? { id: team.teamId } : { id: "00000000-0000-4000-8000-000000000000" }) : { slug: team.slug };
  const [roleRow, groupRows] = await Promise.all([
    UUID.test(role) ? null : db.role.findFirst({ where: { key: role, team: teamWhere }, select: { id: true } }),
    db.group.findMany({ where: { name: { in: groups.filter((g) => !UUID.test(g)) }, team: teamWhere }, select: { id: true, name: true } }),
  ]);
  const byName = new Map(groupRows.map((g) => [g.name, g.id]));
  return {
    roleId: roleRow?.id ?? (UUID.test(role) ? role : "00000000-0000-4000-8000-000000000000"),
    groupIds: groups.map((g) => (UUID.test(g) ? g : (byName.get(g) ?? "00000000-0000-4000-8000-000000000000"))),
  };
}

export function toTeamRef(team: string): TeamRef {
  return UUID.test(team) ? { teamId: team } : { slug: team };
}
