import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { cache } from "react";
import { db as appDb, type Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/permissions/can";
import type { Permission } from "@/lib/permissions/catalogue";
import { fail, type Result } from "@/lib/result";

type Reader = Pick<Db, "$queryRaw">;

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

export type MembershipRow = {
  id: string;
  userId: string;
  teamId: string;
  teamName: string;
  teamSlug: string;
  allowedDomains: string[];
  invitationLifetimeDays: number;
  seatLimit: number | null;
  roleId: string;
  roleKey: string;
  roleName: string;
  roleRank: number;
  permissions: string[];
};

/** The actor's membership of the team, with the team and the role: one flat row (or none). */
export function membershipRowSql(userId: Prisma.Sql, teamId: string | null, slug: string | null) {
  const team = teamId ? Prisma.sql`t."id" = ${teamId}::uuid` : Prisma.sql`t."slug" = ${slug ?? ""}`;
  return Prisma.sql`
    SELECT m."id"::text AS "id", m."userId"::text AS "userId",
      t."id"::text AS "teamId", t."name" AS "teamName", t."slug" AS "teamSlug", t."allowedDomains",
      t."invitationLifetimeDays", t."seatLimit",
      r."id"::text AS "roleId", r."key" AS "roleKey", r."name" AS "roleName", r."rank" AS "roleRank", r."permissions"
    FROM "Membership" m
    JOIN "Team" t ON t."id" = m."teamId"
    JOIN "Role" r ON r."id" = m."roleId"
    WHERE m."userId" = ${userId} AND ${team}
    LIMIT 1`;
}

export function toMembership(row: MembershipRow | null | undefined) {
  if (!row) return null;
  return {
    id: row.id,
    userId: row.userId,
    team: {
      id: row.teamId,
      name: row.teamName,
      slug: row.teamSlug,
      allowedDomains: row.allowedDomains,
      invitationLifetimeDays: row.invitationLifetimeDays,
      seatLimit: row.seatLimit,
    },
    role: { id: row.roleId, key: row.roleKey, name: row.roleName, rank: row.roleRank, permissions: row.permissions },
  };
}

type Membership = ReturnType<typeof toMembership>;

/** Every request that touches a team runs this: one flat statement, prepared once per connection. */
async function readMembership(db: Reader, userId: string, teamId: string | null, slug: string | null) {
  const rows = await db.$queryRaw<MembershipRow[]>`${membershipRowSql(Prisma.sql`${userId}::uuid`, teamId, slug)}`;
  return toMembership(rows[0]);
}

/**
 * Memberships read ahead for an actor, in the statement that authenticated it (an API key and
 * the team named in the request's path): the guard below uses such a read instead of sending its
 * own, once, for that team. Keyed by the actor object, so it lives as long as the request.
 */
const readAhead = new WeakMap<Actor, { teamId: string | null; slug: string | null; membership: Membership }>();

export function rememberMembership(actor: Actor, ref: TeamRef, membership: Membership) {
  readAhead.set(actor, {
    teamId: "teamId" in ref ? ref.teamId : null,
    slug: "slug" in ref ? ref.slug : null,
    membership,
  });
}

function takeReadAhead(actor: Actor, teamId: string | null, slug: string | null) {
  const entry = readAhead.get(actor);
  if (!entry || entry.teamId !== teamId || entry.slug !== slug) return undefined;
  readAhead.delete(actor);
  return entry.membership;
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
  const ahead = db === appDb ? takeReadAhead(actor, teamId, slug) : undefined;
  const membership =
    ahead !== undefined
      ? ahead
      : db === appDb
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
