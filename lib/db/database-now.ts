import "server-only";
import type { Db } from "./create-client";

const REFRESH_MS = 60_000;

let anchor: { databaseMs: number; monotonicMs: number } | null = null;

/**
 * The database clock: expiry is judged by it, never by an app server's wall clock.
 * Reading it on every request would cost a round trip, so it is read at most once a minute
 * and advanced in between by this process's monotonic clock (immune to wall-clock jumps);
 * writes still re-check expiry with `now()` in their own SQL.
 */
export async function readDatabaseNow(db: Pick<Db, "$queryRaw">): Promise<Date> {
  const monotonicMs = performance.now();
  if (anchor && monotonicMs - anchor.monotonicMs < REFRESH_MS) {
    return new Date(anchor.databaseMs + (monotonicMs - anchor.monotonicMs));
  }
  const rows = await db.$queryRaw<Array<{ now: Date }>>`SELECT now() AS now`;
  const databaseNow = rows[0]!.now;
  // now() is the transaction's start; anchoring it to the request's start keeps the error under one round trip.
  anchor = { databaseMs: databaseNow.getTime(), monotonicMs };
  return databaseNow;
}
