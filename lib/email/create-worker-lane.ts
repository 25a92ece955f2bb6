import "server-only";

export type WorkerLane = {
  /** Runs a pass now, or once more after the one in progress. */
  run: () => void;
  current: () => Promise<void> | null;
};

/**
 * A loop that runs `pass` until it reports nothing more is waiting; a wake-up during a run runs
 * it again after. With `settleMs`, a pass started by such a wake-up waits until `settleMs` after
 * the previous pass began: under a steady stream of commits each pass then takes what queued
 * meanwhile as one batch instead of a pass per handful of rows (a pass's fixed cost is a claim
 * transaction, reads and a request to the provider). An idle lane still runs at once.
 */
export function createWorkerLane(
  name: string,
  signal: AbortSignal,
  pass: () => Promise<boolean>,
  { settleMs = 0 }: { settleMs?: number } = {},
): WorkerLane {
  let current: Promise<void> | null = null;
  let again = false;
  const loop = async () => {
    try {
      do {
        again = false;
        const started = Date.now();
        if (await pass()) again = true;
        else if (again && settleMs > 0) await settle(started + settleMs - Date.now(), signal);
      } while (again && !signal.aborted);
    } catch (error) {
      if (!signal.aborted)
        console.error(`[${name}] sender run failed:`, error instanceof Error ? error.message : error);
    } finally {
      current = null;
    }
  };
  return {
    run() {
      if (signal.aborted) return;
      if (current) {
        again = true;
        return;
      }
      current = loop();
    },
    current: () => current,
  };
}

/** Waits `ms`, or less when the lane is stopped meanwhile. */
function settle(ms: number, signal: AbortSignal) {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal.addEventListener("abort", done, { once: true });
  });
}
