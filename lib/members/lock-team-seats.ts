import "server-only";
import type { Tx } from "@/lib/db/run-transaction";

export type TeamSeats = {
  /** null: the team has no seat limit. */
  limit: number | null;
  members: number;
  /** Pending invitations that have not expired on the database clock: each holds a seat. */
  pending: number;
  /** Seats neither taken by a member nor held by a pending invitation (never below 0; Infinity without a limit). */
  free: number;
};

/**
 * The seat limit's one home, and the first lock of every transaction that takes one (see
 * docs/ARCHITECTURE.md, "Lock order"). Locks the team's row FOR NO KEY UPDATE, which queues
 * every other seat check and member change of the team behind this transaction, while inserts
 * that merely reference the team (an invitation, a membership) are not blocked by it. Counts in
 * a second statement, so they see everything committed before the lock was granted.
 */
export async function lockTeamSeats(tx: Tx, teamId: string): Promise<TeamSeats> {
  const locked = await tx.$queryRaw<Array<{ seatLimit: number | null }>>`
    SELECT "seatLimit" FROM "Team" WHERE "id" = ${teamId}::uuid FOR NO KEY UPDATE`;
  const limit = locked[0]?.seatLimit ?? null;
  if (limit === null) return { limit: null, members: 0, pending: 0, free: Infinity };
  const counts = await tx.$queryRaw<Array<{ members: number; pending: number }>>`
    SELECT (SELECT count(*)::int FROM "Membership" m WHERE m."teamId" = ${teamId}::uuid) AS members,
      (SELECT count(*)::int FROM "Invitation" p WHERE p."teamId" = ${teamId}::uuid AND p."status" = 'PENDING' AND p."expiresAt" > now()) AS pending`;
  const { members, pending } = counts[0]!;
  return { limit, members, pending, free: Math.max(0, limit - members - pending) };
}
