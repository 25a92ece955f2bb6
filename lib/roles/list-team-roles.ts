import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";

export type TeamRoleDto = {
  id: string;
  key: string;
  name: string;
  rank: number;
  permissions: string[];
  builtIn: boolean;
  memberCount: number;
};

/** A team's roles, highest first (members.read). */
export async function listTeamRoles(actor: Actor | null, team: TeamRef) {
  const access = await authorizeTeam(db, actor, team, "members.read");
  if (!access.ok) return access;
  const roles = await db.role.findMany({
    where: { teamId: access.team.id },
    orderBy: { rank: "desc" },
    select: {
      id: true,
      key: true,
      name: true,
      rank: true,
      permissions: true,
      builtIn: true,
      _count: { select: { memberships: true } },
    },
  });
  return {
    ok: true as const,
    access,
    roles: roles.map(({ _count, ...role }): TeamRoleDto => ({ ...role, memberCount: _count.memberships })),
  };
}
