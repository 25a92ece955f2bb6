import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { readDatabaseNow } from "@/lib/db/database-now";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { INVITATION_COUNT_LIMIT } from "./list-team-invitations-by-offset";
import type { InvitationDisplayStatus } from "./status";

export type InvitationStatusCounts = Record<InvitationDisplayStatus, { count: number; capped: boolean }>;

/**
 * How many of the team's invitations are in each status, for the status tabs. One statement of
 * five range reads on the (teamId, status, expiresAt, id) index, each stopping after
 * INVITATION_COUNT_LIMIT rows like the list's own count: a GROUP BY would walk the team's whole
 * history on every page view, and answered invitations only grow. Expired is stored as PENDING,
 * split from it by the database clock.
 */
export async function countInvitationsByStatus(
  actor: Actor | null,
  team: TeamRef,
): Promise<
  { ok: true; counts: InvitationStatusCounts } | Exclude<Awaited<ReturnType<typeof authorizeTeam>>, { ok: true }>
> {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  const now = await readDatabaseNow(db);
  const teamId = access.team.id;
  const cap = INVITATION_COUNT_LIMIT + 1;
  const [row] = await db.$queryRaw<Array<Record<InvitationDisplayStatus, number>>>`
    SELECT
      (SELECT count(*)::int FROM (SELECT 1 FROM "Invitation" WHERE "teamId" = ${teamId}::uuid AND "status" = 'PENDING' AND "expiresAt" > ${now} LIMIT ${cap}) p) AS "PENDING",
      (SELECT count(*)::int FROM (SELECT 1 FROM "Invitation" WHERE "teamId" = ${teamId}::uuid AND "status" = 'PENDING' AND "expiresAt" <= ${now} LIMIT ${cap}) e) AS "EXPIRED",
      (SELECT count(*)::int FROM (SELECT 1 FROM "Invitation" WHERE "teamId" = ${teamId}::uuid AND "status" = 'ACCEPTED' LIMIT ${cap}) a) AS "ACCEPTED",
      (SELECT count(*)::int FROM (SELECT 1 FROM "Invitation" WHERE "teamId" = ${teamId}::uuid AND "status" = 'DECLINED' LIMIT ${cap}) d) AS "DECLINED",
      (SELECT count(*)::int FROM (SELECT 1 FROM "Invitation" WHERE "teamId" = ${teamId}::uuid AND "status" = 'WITHDRAWN' LIMIT ${cap}) w) AS "WITHDRAWN"`;
  const read = (status: InvitationDisplayStatus) => {
    const count = Number(row?.[status] ?? 0);
    return { count: Math.min(count, INVITATION_COUNT_LIMIT), capped: count > INVITATION_COUNT_LIMIT };
  };
  return {
    ok: true,
    counts: {
      PENDING: read("PENDING"),
      EXPIRED: read("EXPIRED"),
      ACCEPTED: read("ACCEPTED"),
      DECLINED: read("DECLINED"),
      WITHDRAWN: read("WITHDRAWN"),
    },
  };
}
