import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { AUDIT_ACTIONS, type AuditAction } from "./audit-actions";

export type ActivityPageRequest = {
  teamId: string;
  /** Audit actions to show; empty: all. */
  kinds: readonly AuditAction[];
  /** Only this actor's events. */
  person: string | null;
  /** The keyset cursor: the last row shown (createdAt, id). */
  bound: { at: Date; id: string } | null;
  /** Page towards newer events (ascending, the caller reverses) instead of older ones. */
  newer: boolean;
  take: number;
};

/**
 * One page of a team's audit events, as SQL. Without filters it walks (teamId, createdAt, id)
 * from the cursor. With kinds (or a person, whose events are read per kind), each kind reads
 * its own range of (teamId, action, …) or (teamId, actorId, action, …) up to one page, and the
 * ranges are merged: at most kinds × take rows are read, however large the log and however
 * rare the kind. `tests/integration/activity-scale.test.ts` EXPLAINs it at 100,000 events.
 */
export function activityPageSql({ teamId, kinds, person, bound, newer, take }: ActivityPageRequest): Prisma.Sql {
  const order = Prisma.raw(newer ? "ASC" : "DESC");
  const byPerson = person ? Prisma.sql`AND a."actorId" = ${person}::uuid` : Prisma.empty;
  // The redundant bound on createdAt alone is the index condition; the OR breaks ties by id.
  const at = bound ? bound.at.toISOString() : null;
  const keyset = !bound
    ? Prisma.empty
    : newer
      ? Prisma.sql`AND a."createdAt" >= ${at}::timestamptz AND (a."createdAt" > ${at}::timestamptz OR (a."createdAt" = ${at}::timestamptz AND a."id" > ${bound.id}::uuid))`
      : Prisma.sql`AND a."createdAt" <= ${at}::timestamptz AND (a."createdAt" < ${at}::timestamptz OR (a."createdAt" = ${at}::timestamptz AND a."id" < ${bound.id}::uuid))`;
  const perKind = kinds.length > 0 ? kinds : person ? AUDIT_ACTIONS : null;
  const columns = Prisma.sql`a."id", a."createdAt", a."action", a."actorId", a."metadata"`;
  if (!perKind) {
    return Prisma.sql`SELECT ${columns} FROM "AuditEvent" a
      WHERE a."teamId" = ${teamId}::uuid ${keyset}
      ORDER BY a."createdAt" ${order}, a."id" ${order} LIMIT ${take}`;
  }
  return Prisma.sql`SELECT e.* FROM unnest(${[...perKind]}::text[]) AS k("action")
    CROSS JOIN LATERAL (
      SELECT ${columns} FROM "AuditEvent" a
      WHERE a."teamId" = ${teamId}::uuid AND a."action" = k."action" ${byPerson} ${keyset}
      ORDER BY a."createdAt" ${order}, a."id" ${order} LIMIT ${take}
    ) e
    ORDER BY e."createdAt" ${order}, e."id" ${order} LIMIT ${take}`;
}
