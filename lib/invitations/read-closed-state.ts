import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SqlTx } from "@/lib/db/run-transaction";
import type { ClosedState } from "./describe-closed-invitation";

export type InvitationRef = {
  id: string;
  /** Scopes the write to one team (admin operations). */
  teamId?: string;
  /** The hash of the token that was presented: a link reset makes the old one miss. */
  tokenHash?: string;
};

export function refConditions(ref: InvitationRef) {
  return Prisma.sql`"id" = ${ref.id}::uuid
    ${ref.teamId ? Prisma.sql`AND "teamId" = ${ref.teamId}::uuid` : Prisma.empty}
    ${ref.tokenHash ? Prisma.sql`AND "tokenHash" = ${ref.tokenHash}` : Prisma.empty}`;
}

/**
 * After a conditional write on a pending invitation changed nothing: why. Read in the same
 * transaction after the write, so it sees whatever the winning request committed. `answerable`:
 * it is still pending, unexpired and (when a token was presented) under that token, so what the
 * write missed was a guard of the caller's own (accept's: the row changed since it was read).
 */
export async function readClosedState(
  tx: SqlTx,
  ref: InvitationRef,
): Promise<{ state: ClosedState; responderId: string | null; answerable?: true }> {
  const rows = await tx.$queryRaw<
    Array<{ status: string; expired: boolean; tokenMatches: boolean; responderId: string | null }>
  >`
    SELECT "status", "expiresAt" <= now() AS expired, ${ref.tokenHash ?? null}::text IS NULL OR "tokenHash" = ${ref.tokenHash ?? null}::text AS "tokenMatches",
      "responderId"
    FROM "Invitation"
    WHERE "id" = ${ref.id}::uuid ${ref.teamId ? Prisma.sql`AND "teamId" = ${ref.teamId}::uuid` : Prisma.empty}`;
  const row = rows[0];
  if (!row) return { state: "MISSING", responderId: null };
  if (row.status !== "PENDING") return { state: row.status as ClosedState, responderId: row.responderId };
  if (!row.tokenMatches) return { state: "REPLACED", responderId: null };
  return row.expired
    ? { state: "EXPIRED", responderId: null }
    : { state: "REPLACED", responderId: null, answerable: true };
}
