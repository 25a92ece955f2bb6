import "server-only";
import type { SqlClient } from "@/lib/db/direct-sql";

export type SeatUsage = { members: number; pending: number };

/**
 * What takes a seat, in one place: every member, and every pending invitation that has not
 * expired on the database clock. `lockTeamSeats` counts through it after taking the team's
 * lock; pages that only show the count (the invite dialog, the General page) read it unlocked.
 */
export async function countTeamSeats(db: SqlClient, teamId: string): Promise<SeatUsage> {
  const counts = await db.$queryRaw<Array<SeatUsage>>`
    SELECT (SELECT count(*)::int FROM "Membership" m WHERE m."teamId" = ${teamId}::uuid) AS members,
      (SELECT count(*)::int FROM "Invitation" p WHERE p."teamId" = ${teamId}::uuid AND p."status" = 'PENDING' AND p."expiresAt" > now()) AS pending`;
  return counts[0]!;
}
