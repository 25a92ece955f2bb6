import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { unsealWebhookSecret } from "./seal-webhook-secret";
import { sendWebhook, WEBHOOK_TIMEOUT_MS } from "./send-webhook";
import { signWebhook } from "./sign-webhook";
import { webhookRetryDelaySeconds } from "./webhook-retry-schedule";

type Claimed = {
  id: string;
  attempts: number;
  body: string;
  url: string;
  secretSealed: string;
  previousSecretSealed: string | null;
};
export type WebhookTally = { succeeded: number; failed: number };

/** Well past one request's timeout: a claim is never taken over while its request can still be answered. */
const LEASE_SECONDS = Math.ceil((WEBHOOK_TIMEOUT_MS * 6) / 1000);

/**
 * Claims due deliveries of enabled endpoints and sends them, at most `limit` at once, each signed
 * at the moment it leaves (receivers refuse stale timestamps). Any number of processes may run
 * this: a claim is one UPDATE over `FOR UPDATE SKIP LOCKED` rows that also sets a lease, so no two
 * senders hold one delivery; an outcome is recorded only under the claim that produced it (the
 * attempt number), so a sender that outlived its lease cannot overwrite a newer one.
 * `signal` stops it like a crash: a request in flight is abandoned unrecorded, under its lease.
 */
export async function deliverQueuedWebhooks({
  limit = 10,
  signal,
}: { limit?: number; signal?: AbortSignal } = {}): Promise<WebhookTally & { claimed: number }> {
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE "WebhookDelivery" d
    SET "lockedUntil" = now() + make_interval(secs => ${LEASE_SECONDS}::int), "attempts" = d."attempts" + 1
    FROM "WebhookEndpoint" e
    WHERE d."id" IN (
      SELECT c."id" FROM "WebhookDelivery" c JOIN "WebhookEndpoint" ce ON ce."id" = c."endpointId"
      WHERE c."status" = 'PENDING' AND c."nextAttemptAt" <= now()
        AND (c."lockedUntil" IS NULL OR c."lockedUntil" < now()) AND ce."enabled"
      ORDER BY c."nextAttemptAt", c."id"
      LIMIT ${limit}::int
      FOR UPDATE OF c SKIP LOCKED
    ) AND e."id" = d."endpointId" AND d."status" = 'PENDING' AND (d."lockedUntil" IS NULL OR d."lockedUntil" < now())
    RETURNING d."id"::text AS "id", d."attempts", d."payload"::text AS "body", e."url", e."secretSealed",
      CASE WHEN e."previousSecretExpiresAt" > now() THEN e."previousSecretSealed" END AS "previousSecretSealed"`;
  const tally: WebhookTally & { claimed: number } = { succeeded: 0, failed: 0, claimed: claimed.length };
  await Promise.all(
    claimed.map(async (delivery) => {
      const outcome = await attempt(delivery, signal);
      if (signal?.aborted) return;
      await recordAttempt(delivery, outcome);
      if (outcome.error === null) tally.succeeded += 1;
      else tally.failed += 1;
    }),
  );
  return tally;
}

async function attempt(delivery: Claimed, signal?: AbortSignal) {
  const startedAt = new Date();
  const secrets = [delivery.secretSealed, delivery.previousSecretSealed]
    .filter((sealed): sealed is string => sealed !== null)
    .map(unsealWebhookSecret);
  if (secrets[0] == null) {
    return {
      startedAt,
      statusCode: null,
      durationMs: 0,
      error: "The signing secret can't be unsealed (AUTH_SECRET changed); rotate it",
    };
  }
  const headers = signWebhook({
    id: delivery.id,
    body: delivery.body,
    secrets: secrets.filter((secret): secret is string => secret !== null),
    timestamp: startedAt,
  });
  const response = await sendWebhook({
    url: delivery.url,
    headers,
    body: delivery.body,
    allowPrivateNetwork: !env.isProduction,
    signal,
  });
  return { startedAt, ...response };
}

async function recordAttempt(
  delivery: Claimed,
  outcome: { startedAt: Date; statusCode: number | null; durationMs: number; error: string | null },
) {
  const succeeded = outcome.error === null;
  const delay = succeeded ? null : webhookRetryDelaySeconds(delivery.attempts);
  const status = succeeded ? "SUCCEEDED" : delay === null ? "FAILED" : "PENDING";
  const error = outcome.error?.slice(0, 500) ?? null;
  await db.$executeRaw`
    WITH updated AS (
      UPDATE "WebhookDelivery"
      SET "status" = ${status}::"WebhookDeliveryStatus", "lockedUntil" = NULL,
          "lastStatusCode" = ${outcome.statusCode}::int, "lastError" = ${error},
          "nextAttemptAt" = now() + make_interval(secs => ${delay ?? 0}::int),
          "deliveredAt" = CASE WHEN ${succeeded}::boolean THEN now() ELSE "deliveredAt" END
      WHERE "id" = ${delivery.id}::uuid AND "status" = 'PENDING' AND "attempts" = ${delivery.attempts}::int
      RETURNING "id"
    )
    INSERT INTO "WebhookDeliveryAttempt" ("id", "deliveryId", "number", "startedAt", "durationMs", "statusCode", "error")
    SELECT gen_random_uuid(), "id", ${delivery.attempts}::int, ${outcome.startedAt}, ${outcome.durationMs}::int,
      ${outcome.statusCode}::int, ${error}
    FROM updated
    ON CONFLICT ("deliveryId", "number") DO NOTHING`;
  if (!succeeded && (!env.isProduction || delay === null))
    console.warn(
      `[webhooks] delivery ${delivery.id} attempt ${delivery.attempts} failed: ${error}${delay === null ? " (giving up)" : ""}`,
    );
}
