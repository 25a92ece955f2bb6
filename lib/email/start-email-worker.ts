import "server-only";
import { deliverQueuedEmails } from "./deliver-queued-emails";
import { onOutboxSignal } from "./outbox-signal";

const POLL_MS = 5_000;
const globalForWorker = globalThis as unknown as { teamgateEmailWorker?: boolean };

/**
 * One sender loop per server process: woken right after a commit in this process, and polling
 * for rows written by other instances or left behind by a crash. Runs never overlap.
 */
export function startEmailWorker(): void {
  if (globalForWorker.teamgateEmailWorker) return;
  globalForWorker.teamgateEmailWorker = true;
  let running = false;
  let again = false;

  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const result = await deliverQueuedEmails();
        if (result.sent + result.failed + result.skipped >= 200) again = true;
      } while (again);
    } catch (error) {
      console.error("[email] sender run failed:", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };

  onOutboxSignal(() => void run());
  setInterval(() => void run(), POLL_MS).unref();
  void run();
}
