import "server-only";
import type { Db } from "@/lib/db";
import { consumeRateLimit, type RateLimitOutcome } from "@/lib/rate-limit/consume-rate-limit";

type Executor = Pick<Db, "$queryRaw">;

type Lease = {
  /** Units this process holds for the current window and has not spent yet. */
  tokens: number;
  /** What the shared counter had left right after this process's last lease. */
  sharedRemaining: number;
  /** performance.now() after which the lease (or a refusal) no longer counts. */
  expiresAt: number;
  refused: boolean;
  refill: Promise<void> | null;
};

/** Units taken from the shared counter at once: 2% of the limit, at least 1, at most 100. */
export function leaseSize(limit: number): number {
  return Math.max(1, Math.min(100, Math.floor(limit / 50)));
}

/**
 * A fixed-window limit shared by every server process through the database counter, without a
 * database write per request: each process takes units from the shared counter in leases and
 * spends them in memory. The shared counter never passes the limit; a process can at most hold
 * `leaseSize(limit)` units it does not use, so across N processes a key gets between
 * `limit - (N - 1) × leaseSize` and `limit` requests a window. A lease and a refusal end a second
 * before the database says the window does, so a lease is never spent in the next window.
 */
export function createLeasedRateLimiter(
  db: Executor,
  { limit, windowSeconds }: { limit: number; windowSeconds: number },
) {
  const leases = new Map<string, Lease>();
  const size = leaseSize(limit);

  async function refill(key: string, lease: Lease) {
    // Near the window's end a lease would mostly go unused: take one unit then. A new lease (expiresAt 0)
    // is never near an end, even in a process younger than a second (performance.now() counts from its start).
    const now = performance.now();
    const nearEnd = lease.expiresAt > 0 && lease.expiresAt > now - 1000 && lease.expiresAt - now < 1000;
    const wanted = nearEnd ? 1 : size;
    let granted = wanted;
    let outcome = await consumeRateLimit(db, { key, limit, windowSeconds, cost: wanted });
    // The window's last units: one at a time, so a single process still gets exactly `limit`.
    if (!outcome.allowed && wanted > 1) {
      granted = 1;
      outcome = await consumeRateLimit(db, { key, limit, windowSeconds, cost: 1 });
    }
    const answeredAt = performance.now();
    if (lease.expiresAt <= answeredAt) lease.tokens = 0;
    lease.expiresAt = answeredAt + (outcome.resetSeconds - 1) * 1000;
    lease.refused = !outcome.allowed;
    lease.sharedRemaining = outcome.remaining;
    if (outcome.allowed) lease.tokens += granted;
  }

  return async function consume(key: string): Promise<RateLimitOutcome> {
    for (;;) {
      const now = performance.now();
      let lease = leases.get(key);
      if (!lease) {
        lease = { tokens: 0, sharedRemaining: limit, expiresAt: 0, refused: false, refill: null };
        leases.set(key, lease);
      }
      const live = lease.expiresAt > now;
      const resetSeconds = Math.max(1, Math.ceil((lease.expiresAt - now) / 1000) + 1);
      if (live && lease.tokens > 0) {
        lease.tokens -= 1;
        return { allowed: true, limit, remaining: lease.sharedRemaining + lease.tokens, resetSeconds };
      }
      if (live && lease.refused) return { allowed: false, limit, remaining: 0, resetSeconds };
      // One refill at a time per key; requests that arrive meanwhile wait for it and share it.
      const current = lease;
      current.refill ??= refill(key, current).finally(() => {
        current.refill = null;
      });
      await current.refill;
      if (leases.size > 10_000) pruneExpired(leases);
      const after = Math.max(1, Math.ceil((current.expiresAt - performance.now()) / 1000) + 1);
      // Spend from the refill just made even if it ends this very second.
      if (current.tokens > 0) {
        current.tokens -= 1;
        return { allowed: true, limit, remaining: current.sharedRemaining + current.tokens, resetSeconds: after };
      }
      if (current.refused) return { allowed: false, limit, remaining: 0, resetSeconds: after };
    }
  };
}

function pruneExpired(leases: Map<string, Lease>) {
  const now = performance.now();
  for (const [key, lease] of leases) if (lease.expiresAt <= now && !lease.refill) leases.delete(key);
}
