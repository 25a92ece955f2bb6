import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";

export type TeamMemberDto = {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: { id: string; name: string; rank: number };
  groups: string[];
  joinedAt: Date;
};

/** A team's members, for anyone with members.read in it. */
export async function listTeamMembers(actor: Actor | null, team: TeamRef) {
  const access = await authorizeTeam(db, actor, team, "members.read");
  if (!access.ok) return access;
  const rows = await db.membership.findMany({
    relationLoadStrategy: "join",
    where: { teamId: access.team.id },
    orderBy: [{ role: { rank: "desc" } }, { joinedAt: "asc" }],
    select: {
      id: true,
      userId: true,
      joinedAt: true,
      user: { select: { name: true, email: true } },
      role: { select: { id: true, name: true, rank: true } },
      groups: { select: { group: { select: { name: true } } } },
    },
  });
  const members: TeamMemberDto[] = rows.map((row) => ({
    id: row.id,
    userId: row.userId,
    name: row.user.name,
    email: row.user.email,
    role: row.role,
    groups: row.groups.map((g) => g.group.name).sort(),
    joinedAt: row.joinedAt,
  }));
  const roles = await db.role.findMany({ where: { teamId: access.team.id }, orderBy: { rank: "desc" }, select: { id: true, name: true, rank: true } });
  return { ok: true as const, access, members, roles };
}
