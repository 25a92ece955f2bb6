import "server-only";
import { env } from "@/lib/env";
import { processInvitationImports } from "@/lib/invitations/process-invitation-imports";
import { queueExpiryReminders } from "@/lib/invitations/queue-expiry-reminders";
import { deliverQueuedEmails } from "./deliver-queued-emails";
import { onOutboxSignal } from "./outbox-signal";

const POLL_MS = 5_000;

export type EmailWorker = {
  /** Stops like a crash would for the outbox: an email in flight is abandoned unrecorded, under its lease. */
  stop: () => Promise<void>;
};

const globalForWorker = globalThis as unknown as { teamgateEmailWorker?: EmailWorker };

/**
 * One sender loop per server process: woken right after a commit in this process, and polling
 * for rows written by other instances or left behind by a crash. Runs never overlap. Every
 * REMINDER_SWEEP_SECONDS a run first queues the expiry reminders that fell due (safe with any
 * number of processes). Each pass also carries a CSV import a few chunks further, then sends
 * what those chunks queued, so a long import never keeps other emails waiting for long.
 */
export function startEmailWorker(): EmailWorker {
  if (globalForWorker.teamgateEmailWorker) return globalForWorker.teamgateEmailWorker;
  const controller = new AbortController();
  let current: Promise<void> | null = null;
  let again = false;
  let lastSweep = 0;

  const loop = async () => {
    try {
      // Reminders are due by the day: looking once a minute (REMINDER_SWEEP_SECONDS) is plenty.
      if (Date.now() - lastSweep >= env.REMINDER_SWEEP_SECONDS * 1000) {
        lastSweep = Date.now();
        await queueExpiryReminders();
      }
      do {
        again = false;
        // An import that fails this pass must not hold up the emails: it is logged and retried on the next one.
        const imports = await processInvitationImports({ signal: controller.signal }).catch((error: unknown) => {
          if (!controller.signal.aborted)
            console.error("[import] run failed:", error instanceof Error ? error.message : error);
          return { more: false };
        });
        const result = await deliverQueuedEmails({ signal: controller.signal });
        if (imports.more || result.sent + result.failed + result.skipped >= 200) again = true;
      } while (again && !controller.signal.aborted);
    } catch (error) {
      if (!controller.signal.aborted)
        console.error("[email] sender run failed:", error instanceof Error ? error.message : error);
    } finally {
      current = null;
    }
  };
  const run = () => {
    if (controller.signal.aborted) return;
    if (current) {
      again = true;
      return;
    }
    current = loop();
  };

  const unsubscribe = onOutboxSignal(run);
  const timer = setInterval(run, POLL_MS);
  timer.unref();
  run();

  const worker: EmailWorker = {
    stop: async () => {
      controller.abort(new Error("The email sender was stopped"));
      clearInterval(timer);
      unsubscribe();
      await current;
      if (globalForWorker.teamgateEmailWorker === worker) globalForWorker.teamgateEmailWorker = undefined;
    },
  };
  globalForWorker.teamgateEmailWorker = worker;
  return worker;
}
