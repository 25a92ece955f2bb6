import "server-only";
import type { Db } from "@/lib/db";
import { consumeRateLimit, refundRateLimits, type RateLimitOutcome } from "./consume-rate-limit";

type Executor = Pick<Db, "$queryRaw">;

type Lease = {
  /** Units this process holds for the current window and has not spent yet. */
  tokens: number;
  /** What the shared counter had left right after this process's last lease. */
  sharedRemaining: number;
  /** performance.now() after which the lease no longer counts. */
  expiresAt: number;
  /** The database's start of the lease's window, for giving units back to it. */
  windowStart: Date | null;
  /** Counts the windows this lease has seen, so units charged in one are never given back in the next. */
  generation: number;
  /** performance.now() until which a refusal answers without asking the database again. */
  refusedUntil: number;
  refill: Promise<void> | null;
};

export type LeasedOutcome = RateLimitOutcome & {
  /** Gives back units of this charge whose work did not happen (a no-op once the window ended). */
  giveBack(units: number): Promise<void>;
};

/** Units taken from the shared counter at once: 2% of the limit, at least 1, at most 100. */
export function leaseSize(limit: number): number {
  return Math.max(1, Math.min(100, Math.floor(limit / 50)));
}

/**
 * A refusal is remembered this long (or until the window ends, if sooner): long enough that a
 * flood of refused requests costs no writes, short enough that units another process gives back
 * are seen soon.
 */
const REFUSAL_MS = 5_000;

/**
 * A fixed-window limit shared by every server process through the database counter, without a
 * database write per request: each process takes units from the shared counter in leases and
 * spends them in memory. The shared counter never passes the limit; a process holds at most
 * `leaseSize(limit)` units it has not used (units given back beyond that go back to the counter),
 * so across N processes a key gets between `limit - (N - 1) × leaseSize` and `limit` units a window.
 * A charge of several units (a batch of invitations) is all or nothing. A lease ends a second
 * before the database says its window does, so a lease is never spent in the next window.
 */
export function createLeasedRateLimiter(
  db: Executor,
  { limit, windowSeconds }: { limit: number; windowSeconds: number },
) {
  const leases = new Map<string, Lease>();
  const size = leaseSize(limit);

  async function refill(key: string, lease: Lease, cost: number) {
    const now = performance.now();
    if (lease.expiresAt <= now) lease.tokens = 0;
    const need = Math.max(1, cost - lease.tokens);
    // Near the window's end a lease would mostly go unused: take only what is needed then. A new
    // lease (expiresAt 0) is never near an end, even in a process younger than a second.
    const nearEnd = lease.expiresAt > 0 && lease.expiresAt > now - 1000 && lease.expiresAt - now < 1000;
    const wanted = nearEnd ? need : Math.max(size, need);
    let granted = wanted;
    let outcome = await consumeRateLimit(db, { key, limit, windowSeconds, cost: wanted });
    // The window's last units: only what is needed, so a single process still gets exactly `limit`.
    if (!outcome.allowed && wanted > need) {
      granted = need;
      outcome = await consumeRateLimit(db, { key, limit, windowSeconds, cost: need });
    }
    const answeredAt = performance.now();
    const windowEnd = answeredAt + (outcome.resetSeconds - 1) * 1000;
    if (lease.expiresAt <= answeredAt) {
      lease.tokens = 0;
      lease.generation += 1;
    }
    lease.expiresAt = windowEnd;
    lease.windowStart = outcome.windowStart;
    lease.sharedRemaining = outcome.remaining;
    if (outcome.allowed) {
      lease.tokens += granted;
      lease.refusedUntil = 0;
    } else lease.refusedUntil = Math.min(windowEnd, answeredAt + REFUSAL_MS);
  }

  function spend(key: string, lease: Lease, cost: number, now: number): LeasedOutcome {
    lease.tokens -= cost;
    const generation = lease.generation;
    return {
      allowed: true,
      limit,
      remaining: lease.sharedRemaining + lease.tokens,
      resetSeconds: Math.max(1, Math.ceil((lease.expiresAt - now) / 1000) + 1),
      giveBack: (units) => giveBack(key, lease, generation, units),
    };
  }

  async function giveBack(key: string, lease: Lease, generation: number, units: number) {
    if (units <= 0 || lease.generation !== generation || lease.expiresAt <= performance.now()) return;
    lease.tokens += units;
    lease.refusedUntil = 0;
    const surplus = lease.tokens - size;
    if (surplus <= 0 || !lease.windowStart) return;
    lease.tokens -= surplus;
    lease.sharedRemaining += surplus;
    await refundRateLimits(db, { windowStart: lease.windowStart, charges: [{ key, limit, cost: surplus }] });
  }

  function refusal(lease: Lease, now: number): LeasedOutcome {
    return {
      allowed: false,
      limit,
      remaining: lease.sharedRemaining + lease.tokens,
      resetSeconds: Math.max(1, Math.ceil((lease.expiresAt - now) / 1000) + 1),
      giveBack: async () => {},
    };
  }

  return async function consume(key: string, cost = 1): Promise<LeasedOutcome> {
    for (;;) {
      const now = performance.now();
      let lease = leases.get(key);
      if (!lease) {
        lease = {
          tokens: 0,
          sharedRemaining: limit,
          expiresAt: 0,
          windowStart: null,
          generation: 0,
          refusedUntil: 0,
          refill: null,
        };
        leases.set(key, lease);
      }
      const live = lease.expiresAt > now;
      if (live && lease.tokens >= cost) return spend(key, lease, cost, now);
      if (cost > limit || (lease.refusedUntil > now && cost > lease.tokens + lease.sharedRemaining))
        return refusal(lease, now);
      // One refill at a time per key; requests that arrive meanwhile wait for it and share it.
      const current = lease;
      if (current.refill) {
        await current.refill;
        continue;
      }
      current.refill = refill(key, current, cost).finally(() => {
        current.refill = null;
      });
      await current.refill;
      if (leases.size > 10_000) pruneExpired(leases);
      const after = performance.now();
      // Spend from the refill just made even if it ends this very second.
      if (current.tokens >= cost) return spend(key, current, cost, after);
      if (current.refusedUntil > after) return refusal(current, after);
    }
  };
}

function pruneExpired(leases: Map<string, Lease>) {
  const now = performance.now();
  for (const [key, lease] of leases) if (lease.expiresAt <= now && !lease.refill) leases.delete(key);
}
