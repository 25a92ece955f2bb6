import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SqlClient } from "@/lib/db/direct-sql";
import type { AuditAction } from "./audit-actions";

export type AuditEventInput = {
  teamId: string | null;
  actorId: string | null;
  action: AuditAction;
  targetType: string;
  targetId?: string | null;
  metadata?: Prisma.InputJsonObject;
};

/**
 * Audit events outlive what they describe: deleting an invitation keeps its history. One
 * statement for any number of events, hand-written so it runs in either kind of transaction.
 * Stamped when written (clock_timestamp), not when the transaction began: a change that waited on
 * another's lock is recorded after it.
 */
export async function recordAuditEvents(db: SqlClient, events: AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await db.$executeRaw`
    INSERT INTO "AuditEvent" ("id", "teamId", "actorId", "action", "targetType", "targetId", "metadata", "createdAt")
    SELECT gen_random_uuid(), e."teamId", e."actorId", e."action", e."targetType", e."targetId", e."metadata", clock_timestamp()
    FROM unnest(
      ${events.map((event) => event.teamId)}::uuid[],
      ${events.map((event) => event.actorId)}::uuid[],
      ${events.map((event) => event.action)}::text[],
      ${events.map((event) => event.targetType)}::text[],
      ${events.map((event) => event.targetId ?? null)}::text[],
      ${events.map((event) => JSON.stringify(event.metadata ?? {}))}::jsonb[]
    ) WITH ORDINALITY AS e("teamId", "actorId", "action", "targetType", "targetId", "metadata", "position")
    ORDER BY e."position"`;
}
