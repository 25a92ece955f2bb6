import "server-only";
import type { Tx } from "@/lib/db/run-transaction";
import { fail, type Failure } from "@/lib/result";

/** Why a decision changed no row: no such request in this team, or another admin decided first. */
export async function refuseDecidedJoinRequest(tx: Tx, teamId: string, id: string): Promise<Failure> {
  const rows = await tx.$queryRaw<Array<{ status: string; kind: string }>>`
    SELECT "status"::text AS "status", "kind"::text AS "kind" FROM "JoinRequest" WHERE "id" = ${id}::uuid AND "teamId" = ${teamId}::uuid`;
  const row = rows[0];
  if (!row || row.status === "PENDING") return fail("NOT_FOUND", "Request not found.");
  return fail(
    "CONFLICT",
    row.status === "APPROVED" ? "This request was already approved." : "This request was already rejected.",
  );
}
