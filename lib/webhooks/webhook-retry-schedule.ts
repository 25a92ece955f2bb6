/** Attempts in all before a delivery is FAILED (a replay queues it again). */
export const WEBHOOK_MAX_ATTEMPTS = 8;

/** Seconds after the n-th failed attempt: 5 s, 30 s, 2 min, 10 min, 1 h, 4 h, 12 h (about 17 hours in all). */
const DELAYS = [5, 30, 120, 600, 3_600, 14_400, 43_200] as const;

/**
 * When to try again after `attempts` failed attempts, with ±10 % jitter so a recovering receiver
 * is not hit by every queued delivery at once; null when the attempts are spent.
 */
export function webhookRetryDelaySeconds(attempts: number, random = Math.random()): number | null {
  if (attempts >= WEBHOOK_MAX_ATTEMPTS) return null;
  const base = DELAYS[Math.min(DELAYS.length, Math.max(1, attempts)) - 1]!;
  return Math.max(1, Math.round(base * (0.9 + random * 0.2)));
}
