import "server-only";
import type { SqlTx } from "@/lib/db/run-transaction";
import { countTeamSeats } from "./count-team-seats";

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
export async function lockTeamSeats(
  tx: SqlTx,
  teamId: string,
  options: { countUnlimited?: boolean } = {},
): Promise<TeamSeats> {
  const locked = await tx.$queryRaw<Array<{ seatLimit: number | null }>>`
    SELECT "seatLimit" FROM "Team" WHERE "id" = ${teamId}::uuid FOR NO KEY UPDATE`;
  const limit = locked[0]?.seatLimit ?? null;
  // Without a limit nothing needs the counts, unless the caller is about to set one.
  if (limit === null && !options.countUnlimited) return { limit: null, members: 0, pending: 0, free: Infinity };
  const { members, pending } = await countTeamSeats(tx, teamId);
  return { limit, members, pending, free: limit === null ? Infinity : Math.max(0, limit - members - pending) };
}

/**
 * The lowest seat limit a team may be given now: the seats already taken (members plus pending
 * invitations). Setting a limit below it would leave the team over its own limit.
 */
export function lowestSeatLimit(seats: Pick<TeamSeats, "members" | "pending">): number {
  return seats.members + seats.pending;
}
