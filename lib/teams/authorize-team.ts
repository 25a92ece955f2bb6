import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { cache } from "react";
import { db as appDb, type Db } from "@/lib/db";
import { can } from "@/lib/permissions/can";
import type { Permission } from "@/lib/permissions/catalogue";
import { fail, type Result } from "@/lib/result";

type Reader = Pick<Db, "membership">;

export type TeamAccess = {
  team: {
    id: string;
    name: string;
    slug: string;
    allowedDomains: string[];
    invitationLifetimeDays: number;
    seatLimit: number | null;
  };
  membership: { id: string; userId: string };
  role: { id: string; key: string; name: string; rank: number; permissions: string[] };
};

export type TeamRef = { teamId: string } | { slug: string };

function readMembership(db: Reader, userId: string, teamId: string | null, slug: string | null) {
  return db.membership.findFirst({
    relationLoadStrategy: "join",
    where: { userId, team: teamId ? { id: teamId } : { slug: slug ?? "" } },
    select: {
      id: true,
      userId: true,
      team: {
        select: {
          id: true,
          name: true,
          slug: true,
          allowedDomains: true,
          invitationLifetimeDays: true,
          seatLimit: true,
        },
      },
      role: { select: { id: true, key: true, name: true, rank: true, permissions: true } },
    },
  });
}

/**
 * Layouts, the page and the data-layer call under it all authorize the same request; React's
 * request-scoped cache lets them share one read. Transactions pass their own client and never
 * hit this cache, and outside a render (route handlers, actions) `cache` does not memoize.
 */
export const readTeamMembership = cache((userId: string, teamId: string | null, slug: string | null) =>
  readMembership(appDb, userId, teamId, slug),
);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one server-side guard: reads the actor's membership and role from the database.
 * Not a member (or no such team) → NOT_FOUND, so team existence never leaks; a member
 * without the permission → FORBIDDEN.
 */
export async function authorizeTeam(
  db: Reader,
  actor: Actor | null,
  ref: TeamRef,
  permission: Permission,
): Promise<Result<TeamAccess>> {
  if (!actor) return fail("UNAUTHENTICATED", "Sign in to continue.");
  if ("teamId" in ref && !UUID.test(ref.teamId)) return fail("NOT_FOUND", "Team not found.");
  const teamId = "teamId" in ref ? ref.teamId : null;
  const slug = "slug" in ref ? ref.slug : null;
  const membership =
    db === appDb
      ? await readTeamMembership(actor.userId, teamId, slug)
      : await readMembership(db, actor.userId, teamId, slug);
  if (!membership) return fail("NOT_FOUND", "Team not found.");
  if (!can(membership.role, permission)) {
    return fail("FORBIDDEN", `You need the ${permission} permission in ${membership.team.name} to do this.`);
  }
  if (actor.kind === "api-key" && !can(membership.role, "api.access")) {
    return fail("FORBIDDEN", `Your role in ${membership.team.name} does not allow API access.`);
  }
  return {
    ok: true,
    team: membership.team,
    membership: { id: membership.id, userId: membership.userId },
    role: membership.role,
  };
}
