import "server-only";
import { db } from "@/lib/db";

/** For the settings navigation's badge; the caller has already checked members.manage. Capped: a badge says "99+" past it. */
export async function countPendingJoinRequests(teamId: string): Promise<number> {
  const rows = await db.$queryRaw<Array<{ count: number }>>`
    SELECT count(*)::int AS "count" FROM (
      SELECT 1 FROM "JoinRequest" WHERE "teamId" = ${teamId}::uuid AND "status" = 'PENDING' LIMIT 100
    ) pending`;
  return rows[0]?.count ?? 0;
}
