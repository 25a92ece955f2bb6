import "server-only";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import { runTransaction } from "@/lib/db/run-transaction";
import { signalOutbox } from "@/lib/email/outbox-signal";

/** How long before expiry the invitee is reminded. */
export const REMINDER_DAYS_BEFORE_EXPIRY = 2;

export function reminderIdempotencyKey(invitationId: string, sendNumber: number): string {
  return `invitation/${invitationId}/reminder/${sendNumber}`;
}

/**
 * The expiry-reminder sweep, run by every server process's email sender. Queues one reminder
 * email per send of a pending invitation whose team has reminders on, once it is within
 * REMINDER_DAYS_BEFORE_EXPIRY of expiring (on the database clock), and only when that moment
 * came after the email was sent (a lifetime of two days or less gets none). The claim is one
 * conditional UPDATE on `reminderQueuedAt IS NULL` (SKIP LOCKED, and re-checked on the latest
 * row version), in the same transaction as the outbox row and the audit event, so two sweepers
 * racing over the same invitations queue each reminder exactly once; the idempotency key is a
 * second guard. A resend clears `reminderQueuedAt`, so a new lifetime gets its own reminder.
 * The sender skips a reminder whose invitation is no longer pending by the time it goes out.
 */
export async function queueExpiryReminders({ limit = 500 }: { limit?: number } = {}): Promise<number> {
  const queued = await runTransaction(async (tx) => {
    const due = await tx.$queryRaw<Array<{ id: string; teamId: string; email: string; sendCount: number }>>`
      UPDATE "Invitation" i SET "reminderQueuedAt" = now()
      WHERE i."id" IN (
        SELECT c."id" FROM "Invitation" c JOIN "Team" t ON t."id" = c."teamId"
        WHERE c."status" = 'PENDING' AND c."expiresAt" > now()
          AND c."expiresAt" <= now() + make_interval(days => ${REMINDER_DAYS_BEFORE_EXPIRY}::int)
          AND c."reminderQueuedAt" IS NULL AND t."remindBeforeExpiry"
          AND coalesce(c."lastSentAt", c."createdAt") < c."expiresAt" - make_interval(days => ${REMINDER_DAYS_BEFORE_EXPIRY}::int)
        ORDER BY c."expiresAt", c."id"
        LIMIT ${limit}::int
        FOR UPDATE OF c SKIP LOCKED
      ) AND i."status" = 'PENDING' AND i."reminderQueuedAt" IS NULL
      RETURNING i."id", i."teamId", i."email", i."sendCount"`;
    if (due.length === 0) return 0;
    const created = await tx.emailOutbox.createMany({
      data: due.map((invitation) => ({
        invitationId: invitation.id,
        kind: "invitation_reminder",
        to: invitation.email,
        payload: { forSend: invitation.sendCount },
        idempotencyKey: reminderIdempotencyKey(invitation.id, invitation.sendCount),
      })),
      skipDuplicates: true,
    });
    await recordAuditEvents(
      tx,
      due.map((invitation) => ({
        teamId: invitation.teamId,
        actorId: null,
        action: "invitation.reminder_queued" as const,
        targetType: "invitation",
        targetId: invitation.id,
        metadata: { email: invitation.email, sendNumber: invitation.sendCount },
      })),
    );
    return created.count;
  });
  if (typeof queued === "object") return 0;
  if (queued > 0) signalOutbox();
  return queued;
}
