import "server-only";
import type { Db } from "@/lib/db";

type Executor = Pick<Db, "$queryRaw">;

export type RateLimitOutcome = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the current window closes. */
  resetSeconds: number;
};

/**
 * Fixed-window counter kept in the database, so every server instance shares it.
 * Consumes `cost` units only when they all fit; the database clock sets the window.
 */
export async function consumeRateLimit(
  executor: Executor,
  { key, limit, windowSeconds, cost = 1 }: { key: string; limit: number; windowSeconds: number; cost?: number },
): Promise<RateLimitOutcome> {
  const rows = await executor.$queryRaw<Array<{ count: number | null; reset: number }>>`
    WITH win AS (
      SELECT to_timestamp(floor(extract(epoch FROM now()) / ${windowSeconds}::int) * ${windowSeconds}::int) AS start
    ), upsert AS (
      INSERT INTO "RateLimitBucket" ("key", "windowStart", "count")
      SELECT ${key}, win.start, ${cost}::int FROM win WHERE ${cost}::int <= ${limit}::int
      ON CONFLICT ("key", "windowStart") DO UPDATE
        SET "count" = "RateLimitBucket"."count" + EXCLUDED."count"
        WHERE "RateLimitBucket"."count" + EXCLUDED."count" <= ${limit}::int
      RETURNING "count"
    )
    SELECT
      (SELECT "count" FROM upsert) AS count,
      ceil(extract(epoch FROM (win.start + make_interval(secs => ${windowSeconds}::int)) - now()))::int AS reset
    FROM win`;
  const row = rows[0];
  const reset = Math.max(1, row?.reset ?? windowSeconds);
  if (!row || row.count === null) return { allowed: false, limit, remaining: 0, resetSeconds: reset };
  return { allowed: true, limit, remaining: Math.max(0, limit - row.count), resetSeconds: reset };
}

/**
 * One unit from each of several keys sharing a limit, in one statement. Keys already at the
 * limit are refused; the others are consumed, so call it in a transaction that rolls back when
 * anything is refused. Keys are taken in sorted order so parallel callers lock rows alike.
 */
export async function consumeRateLimitForEach(
  executor: Executor,
  { keys, limit, windowSeconds }: { keys: string[]; limit: number; windowSeconds: number },
): Promise<{ refused: string[]; resetSeconds: number }> {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0) return { refused: [], resetSeconds: windowSeconds };
  const rows = await executor.$queryRaw<Array<{ allowed: string[]; reset: number }>>`
    WITH win AS (
      SELECT to_timestamp(floor(extract(epoch FROM now()) / ${windowSeconds}::int) * ${windowSeconds}::int) AS start
    ), upsert AS (
      INSERT INTO "RateLimitBucket" ("key", "windowStart", "count")
      SELECT k, win.start, 1 FROM unnest(${sorted}::text[]) WITH ORDINALITY AS keys(k, position), win
      WHERE 1 <= ${limit}::int
      ORDER BY position
      ON CONFLICT ("key", "windowStart") DO UPDATE
        SET "count" = "RateLimitBucket"."count" + 1
        WHERE "RateLimitBucket"."count" + 1 <= ${limit}::int
      RETURNING "key"
    )
    SELECT
      coalesce((SELECT array_agg("key") FROM upsert), ARRAY[]::text[]) AS allowed,
      ceil(extract(epoch FROM (win.start + make_interval(secs => ${windowSeconds}::int)) - now()))::int AS reset
    FROM win`;
  const allowed = new Set(rows[0]?.allowed ?? []);
  return { refused: sorted.filter((key) => !allowed.has(key)), resetSeconds: Math.max(1, rows[0]?.reset ?? windowSeconds) };
}

/** Reads how much of the window is used without consuming anything. */
export async function peekRateLimit(
  executor: Executor,
  { key, limit, windowSeconds }: { key: string; limit: number; windowSeconds: number },
): Promise<RateLimitOutcome> {
  const rows = await executor.$queryRaw<Array<{ count: number | null; reset: number }>>`
    WITH win AS (
      SELECT to_timestamp(floor(extract(epoch FROM now()) / ${windowSeconds}::int) * ${windowSeconds}::int) AS start
    )
    SELECT
      (SELECT "count" FROM "RateLimitBucket" b WHERE b."key" = ${key} AND b."windowStart" = win.start) AS count,
      ceil(extract(epoch FROM (win.start + make_interval(secs => ${windowSeconds}::int)) - now()))::int AS reset
    FROM win`;
  const used = rows[0]?.count ?? 0;
  return { allowed: used < limit, limit, remaining: Math.max(0, limit - used), resetSeconds: Math.max(1, rows[0]?.reset ?? windowSeconds) };
}
