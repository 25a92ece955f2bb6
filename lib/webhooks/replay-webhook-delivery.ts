import "server-only";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { runTransaction } from "@/lib/db/run-transaction";
import { signalOutbox } from "@/lib/email/outbox-signal";
import { noteWebhooksQueued } from "./webhook-wake-hint";
import { fail } from "@/lib/result";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { isUuid } from "@/lib/validation/uuid";
import { chargeWebhookChange } from "./charge-webhook-change";

/**
 * team.settings: sends a delivery again, now, with the same `webhook-id` and body (a receiver
 * that already processed it can tell). Succeeded and failed deliveries go back to the queue; a
 * pending one waiting for its next retry is moved to now. One whose request is in flight (under a
 * sender's lease) is left alone: that answer is about to be recorded.
 */
export async function replayWebhookDelivery(actor: Actor | null, team: TeamRef, deliveryId: string) {
  const access = await authorizeTeam(db, actor, team, "team.settings");
  if (!access.ok) return access;
  if (!isUuid(deliveryId)) return fail("NOT_FOUND", "Delivery not found.");
  const teamId = access.team.id;
  const replayed = await runTransaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ endpointId: string; eventType: string }>>`
      UPDATE "WebhookDelivery" SET "status" = 'PENDING', "nextAttemptAt" = now(), "lockedUntil" = NULL
      WHERE "id" = ${deliveryId}::uuid AND "teamId" = ${teamId}::uuid
        AND ("status" <> 'PENDING' OR "lockedUntil" IS NULL OR "lockedUntil" < now())
      RETURNING "endpointId"::text AS "endpointId", "eventType"`;
    const row = rows[0];
    if (!row) {
      const exists = await tx.webhookDelivery.count({ where: { id: deliveryId, teamId } });
      return exists
        ? fail("CONFLICT", "This delivery is being sent right now; its result will show in a moment.")
        : fail("NOT_FOUND", "Delivery not found.");
    }
    await recordAuditEvents(tx, [
      {
        teamId,
        actorId: access.membership.userId,
        action: "webhook.delivery_replayed",
        targetType: "webhook",
        targetId: row.endpointId,
        metadata: { deliveryId, eventType: row.eventType },
      },
    ]);
    await chargeWebhookChange(tx, teamId);
    return { ok: true as const };
  });
  if (replayed.ok) {
    noteWebhooksQueued();
    signalOutbox();
  }
  return replayed;
}
