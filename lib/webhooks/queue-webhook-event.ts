import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SqlTx } from "@/lib/db/run-transaction";
import type { WebhookEventData, WebhookEventType } from "./webhook-events";
import { noteWebhooksQueued } from "./webhook-wake-hint";

/**
 * Whether the team (an SQL expression for its id) has an enabled endpoint: the hot paths read it
 * with what they read anyway and skip queueWebhookEvent's statement when none is there, so a
 * team without webhooks pays no round trip for them. An endpoint added in between sees the next event.
 */
export function teamHasWebhooksSql(teamId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "WebhookEndpoint" w WHERE w."teamId" = ${teamId} AND w."enabled")`;
}

/**
 * The one way an event enters the webhooks' outbox: a delivery per enabled endpoint of the team
 * that subscribes to the type, written in the caller's transaction, so it exists exactly when the
 * change commits. Several events of one type (an invite of many addresses) are one statement.
 * The body is fixed here ({ type, timestamp, data }, the Standard Webhooks shape); every attempt
 * and replay sends it unchanged.
 */
export async function queueWebhookEvent(
  tx: SqlTx,
  teamId: string,
  type: WebhookEventType,
  data: WebhookEventData | WebhookEventData[],
): Promise<number> {
  const events = Array.isArray(data) ? data : [data];
  if (events.length === 0) return 0;
  const queued = await tx.$executeRaw`
    INSERT INTO "WebhookDelivery" ("id", "teamId", "endpointId", "eventType", "payload")
    SELECT gen_random_uuid(), e."teamId", e."id", ${type},
      jsonb_build_object('type', ${type}::text,
        'timestamp', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'data', d.data)
    FROM "WebhookEndpoint" e
    CROSS JOIN unnest(${events.map((event) => JSON.stringify(event))}::jsonb[]) WITH ORDINALITY AS d(data, position)
    WHERE e."teamId" = ${teamId}::uuid AND e."enabled" AND ${type} = ANY(e."events")
    ORDER BY d.position, e."id"`;
  if (queued > 0) noteWebhooksQueued();
  return queued;
}
