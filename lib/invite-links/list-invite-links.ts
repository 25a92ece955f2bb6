import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { grantableRoles } from "@/lib/permissions/grantable-roles";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { readInviteLinkDtos } from "./read-invite-link-dtos";

/** The Invite links page and `GET …/invite-links`: the team's links, and the roles the viewer may put on a new one. */
export async function listInviteLinks(actor: Actor | null, team: TeamRef) {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  const [links, roles] = await Promise.all([
    readInviteLinkDtos(db, access.team.id),
    db.role.findMany({
      where: { teamId: access.team.id },
      orderBy: [{ rank: "desc" }, { name: "asc" }],
      select: { id: true, name: true, key: true, rank: true, builtIn: true, permissions: true },
    }),
  ]);
  return {
    ok: true as const,
    team: { name: access.team.name, slug: access.team.slug },
    links,
    grantableRoles: grantableRoles(access.role, roles).map(({ id, name, key, builtIn }) => ({
      id,
      name,
      key,
      builtIn,
    })),
  };
}
