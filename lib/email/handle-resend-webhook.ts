import "server-only";
import { Webhook } from "svix";
import bodyLimits from "@/lib/api/body-limits.json";
import { readBodyBytes } from "@/lib/api/read-body-bytes";
import { TRANSACTION_MAX_WAIT_MS } from "@/lib/db/create-client";
import { runTransaction } from "@/lib/db/run-transaction";
import { env } from "@/lib/env";

/** Resend's delivery events are a few hundred bytes; anything near this is not one of them. */
export const WEBHOOK_MAX_BYTES = bodyLimits.webhookBytes;

const STATUS_BY_EVENT = {
  "email.sent": "SENT",
  "email.delivered": "DELIVERED",
  "email.bounced": "BOUNCED",
  "email.complained": "COMPLAINED",
} as const;

type WebhookOutcome = { status: number; body: string };

type ResendEvent = { type?: string; data?: { email_id?: string; bounce?: { message?: string } } };

/**
 * Resend's delivery events: Svix signature over the raw body (stale timestamps rejected by the
 * library), replays ignored by event id, and an invitation's status only ever moves forward.
 * The event id is recorded in the same transaction as its effect, and only once it had one.
 *
 * Anyone can post here, so the request costs as little as possible before it is trusted: no
 * signature headers, no reading; the body is read up to WEBHOOK_MAX_BYTES and no further; and
 * nothing is parsed before the signature over those bytes checks out.
 */
export async function handleResendWebhook(request: Request): Promise<WebhookOutcome> {
  if (!env.RESEND_WEBHOOK_SECRET) return { status: 503, body: "Webhooks are not configured" };
  const headers = request.headers;
  const svixHeaders = {
    "svix-id": headers.get("svix-id") ?? "",
    "svix-timestamp": headers.get("svix-timestamp") ?? "",
    "svix-signature": headers.get("svix-signature") ?? "",
  };
  if (!svixHeaders["svix-id"] || !svixHeaders["svix-timestamp"] || !svixHeaders["svix-signature"])
    return { status: 400, body: "Invalid signature" };
  const bytes = await readBodyBytes(request, WEBHOOK_MAX_BYTES);
  if (!bytes) return { status: 413, body: `Webhook bodies are limited to ${WEBHOOK_MAX_BYTES} bytes` };
  let event: ResendEvent;
  try {
    const rawBody = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    new Webhook(env.RESEND_WEBHOOK_SECRET).verify(rawBody, svixHeaders);
    event = JSON.parse(rawBody) as ResendEvent;
  } catch {
    return { status: 400, body: "Invalid signature" };
  }

  const next = STATUS_BY_EVENT[event.type as keyof typeof STATUS_BY_EVENT];
  const messageId = event.data?.email_id;
  if (!next || !messageId) return { status: 200, body: "Ignored" };

  const outcome = await runTransaction(
    async (tx): Promise<WebhookOutcome> => {
      const outbox = await tx.emailOutbox.findUnique({
        where: { providerMessageId: messageId },
        select: { invitationId: true, payload: true },
      });
      // The provider can report on an email before the sender has saved its id. Nothing is
      // recorded, so Svix's retry (same event id) applies it once the id is known.
      if (!outbox) return { status: 409, body: "Unknown email id; retry later" };

      const fresh = await tx.$executeRaw`
      INSERT INTO "WebhookEvent" ("id", "type", "receivedAt") VALUES (${svixHeaders["svix-id"]}, ${event.type ?? "unknown"}, now())
      ON CONFLICT ("id") DO NOTHING`;
      if (fresh === 0) return { status: 200, body: "Already processed" };

      const sendNumber = Number((outbox.payload as { sendNumber?: number } | null)?.sendNumber ?? 0);
      if (!outbox.invitationId || !sendNumber) return { status: 200, body: "Not an invitation email" };

      const error =
        next === "BOUNCED"
          ? (event.data?.bounce?.message ?? "The recipient's server refused the message")
          : next === "COMPLAINED"
            ? "The recipient marked the message as spam"
            : null;
      await tx.$executeRaw`
      UPDATE "Invitation"
      SET "deliveryStatus" = ${next}::"DeliveryStatus", "deliveryError" = ${error}
      WHERE "id" = ${outbox.invitationId}::uuid AND "sendCount" = ${sendNumber}::int
        AND (CASE "deliveryStatus" WHEN 'QUEUED' THEN 0 WHEN 'FAILED' THEN 0 WHEN 'SENT' THEN 1 WHEN 'DELIVERED' THEN 2 ELSE 3 END)
          < (CASE ${next}::"DeliveryStatus" WHEN 'SENT' THEN 1 WHEN 'DELIVERED' THEN 2 ELSE 3 END)`;
      return { status: 200, body: "OK" };
    },
    { maxWaitMs: TRANSACTION_MAX_WAIT_MS },
  );
  // Busy, or racing past its retries: nothing was recorded, and Svix delivers the event again later.
  return "ok" in outcome ? { status: 503, body: "Busy; retry later" } : outcome;
}
