import "server-only";
import { env } from "@/lib/env";
import { processInvitationImports } from "@/lib/invitations/process-invitation-imports";
import { queueExpiredInvitationEvents } from "@/lib/invitations/queue-expired-invitation-events";
import { queueExpiryReminders } from "@/lib/invitations/queue-expiry-reminders";
import { deliverQueuedWebhooks } from "@/lib/webhooks/deliver-queued-webhooks";
import { takeWebhooksQueued } from "@/lib/webhooks/webhook-wake-hint";
import { createWorkerLane } from "./create-worker-lane";
import { deliverQueuedEmails } from "./deliver-queued-emails";
import { onOutboxSignal } from "./outbox-signal";

const POLL_MS = 5_000;
/**
 * Passes woken by commits start at most this often: at 300–400 invitations or answers a second,
 * one pass per 250 ms sends about 100 emails in one batch request instead of about 20 per pass
 * (side by side, interleaved: create +21 %, accept +8 % throughput; bench/analysis.md).
 */
const EMAIL_SETTLE_MS = 250;
/** Webhook requests one process has in flight at once (each bounded by WEBHOOK_TIMEOUT_MS). */
const WEBHOOK_CONCURRENCY = 10;

export type EmailWorker = {
  /** Stops like a crash would for the outbox: an email in flight is abandoned unrecorded, under its lease. */
  stop: () => Promise<void>;
};

const globalForWorker = globalThis as unknown as { teamgateEmailWorker?: EmailWorker };

/**
 * One sender per server process, with two lanes that never wait on each other: emails, and
 * webhook deliveries (a slow endpoint must not hold up invitations). Each lane is woken right
 * after a commit in this process and polls for rows written by other instances or left behind by
 * a crash; a lane's runs never overlap. Every REMINDER_SWEEP_SECONDS the email lane first queues
 * the expiry reminders that fell due, and the webhook lane the `invitation.expired` events (both
 * safe with any number of processes). Each email pass also carries a CSV import a few chunks
 * further, then sends what those chunks queued, so a long import never keeps other emails waiting.
 */
export function startEmailWorker(): EmailWorker {
  if (globalForWorker.teamgateEmailWorker) return globalForWorker.teamgateEmailWorker;
  const controller = new AbortController();
  const sweepDue = (last: { at: number }) => {
    // Reminders and expiries are due by the day: looking once a minute (REMINDER_SWEEP_SECONDS) is plenty.
    if (Date.now() - last.at < env.REMINDER_SWEEP_SECONDS * 1000) return false;
    last.at = Date.now();
    return true;
  };
  const reminderSweep = { at: 0 };
  const expirySweep = { at: 0 };

  const emails = createWorkerLane(
    "email",
    controller.signal,
    async () => {
      if (sweepDue(reminderSweep)) await queueExpiryReminders();
      // An import that fails this pass must not hold up the emails: it is logged and retried on the next one.
      const imports = await processInvitationImports({ signal: controller.signal }).catch((error: unknown) => {
        if (!controller.signal.aborted)
          console.error("[import] run failed:", error instanceof Error ? error.message : error);
        return { more: false };
      });
      const result = await deliverQueuedEmails({ signal: controller.signal });
      return imports.more || result.sent + result.failed + result.skipped >= 200;
    },
    { settleMs: EMAIL_SETTLE_MS },
  );
  const webhooks = createWorkerLane("webhooks", controller.signal, async () => {
    if (sweepDue(expirySweep)) await queueExpiredInvitationEvents();
    const result = await deliverQueuedWebhooks({ limit: WEBHOOK_CONCURRENCY, signal: controller.signal });
    return result.claimed >= WEBHOOK_CONCURRENCY;
  });
  const run = () => {
    emails.run();
    webhooks.run();
  };
  // Woken after a commit: the webhook lane only when this process queued a delivery.
  const wake = () => {
    emails.run();
    if (takeWebhooksQueued()) webhooks.run();
  };

  const unsubscribe = onOutboxSignal(wake);
  const timer = setInterval(run, POLL_MS);
  timer.unref();
  run();

  const worker: EmailWorker = {
    stop: async () => {
      controller.abort(new Error("The email sender was stopped"));
      clearInterval(timer);
      unsubscribe();
      await Promise.all([emails.current(), webhooks.current()]);
      if (globalForWorker.teamgateEmailWorker === worker) globalForWorker.teamgateEmailWorker = undefined;
    },
  };
  globalForWorker.teamgateEmailWorker = worker;
  return worker;
}
