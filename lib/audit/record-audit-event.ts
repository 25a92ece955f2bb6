import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db";
import type { AuditAction } from "./audit-actions";

type Writer = Pick<Db, "auditEvent">;

export type AuditEventInput = {
  teamId: string | null;
  actorId: string | null;
  action: AuditAction;
  targetType: string;
  targetId?: string | null;
  metadata?: Prisma.InputJsonObject;
};

/** Audit events outlive what they describe: deleting an invitation keeps its history. */
export async function recordAuditEvents(db: Writer, events: AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await db.auditEvent.createMany({
    data: events.map((event) => ({ ...event, targetId: event.targetId ?? null, metadata: event.metadata ?? {} })),
  });
}
