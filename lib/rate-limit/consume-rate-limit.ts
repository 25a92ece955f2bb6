import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

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
): Promise<RateLimitOutcome & { windowStart: Date }> {
  const rows = await executor.$queryRaw<
    Array<{ count: number | null; reset: number; windowStart: Date; used: number | null }>
  >`
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
      ceil(extract(epoch FROM (win.start + make_interval(secs => ${windowSeconds}::int)) - now()))::int AS reset,
      win.start AS "windowStart",
      (SELECT b."count" FROM "RateLimitBucket" b WHERE b."key" = ${key} AND b."windowStart" = win.start) AS used
    FROM win`;
  const row = rows[0]!;
  const reset = Math.max(1, row.reset ?? windowSeconds);
  if (row.count === null)
    return {
      allowed: false,
      limit,
      remaining: Math.max(0, limit - (row.used ?? 0)),
      resetSeconds: reset,
      windowStart: row.windowStart,
    };
  return {
    allowed: true,
    limit,
    remaining: Math.max(0, limit - row.count),
    resetSeconds: reset,
    windowStart: row.windowStart,
  };
}

export type RateLimitCharge = { key: string; limit: number; cost: number };

/**
 * Charging several counters, as parts of a statement: CTEs (`rl_win`, `rl_wanted`, `rl_charged`,
 * `rl_report`) to follow a `WITH` list, over `source`, a query of distinct keys with their
 * "key", "limit" and "cost". Each key is charged only if its units fit; `rl_report` says per key
 * whether it was charged and what it had left. Call it inside the transaction whose work it pays
 * for, as that transaction's last step: a refusal aborts it (rolling the charges back), and the
 * counters' row locks are held only until the commit. Keys are locked in byte order, so parallel
 * callers lock the counters alike.
 */
export function chargeRateLimitsSql(source: Prisma.Sql, windowSeconds: number) {
  return Prisma.sql`
    rl_win AS (
      SELECT to_timestamp(floor(extract(epoch FROM now()) / ${windowSeconds}::int) * ${windowSeconds}::int) AS start
    ), rl_wanted AS (${source}
    ), rl_charged AS (
      INSERT INTO "RateLimitBucket" ("key", "windowStart", "count")
      SELECT w."key", rl_win.start, w."cost" FROM rl_wanted w, rl_win WHERE w."cost" <= w."limit"
      ORDER BY w."key" COLLATE "C"
      ON CONFLICT ("key", "windowStart") DO UPDATE
        SET "count" = "RateLimitBucket"."count" + EXCLUDED."count"
        WHERE "RateLimitBucket"."count" + EXCLUDED."count" <= (SELECT w."limit" FROM rl_wanted w WHERE w."key" = EXCLUDED."key")
      RETURNING "key"
    ), rl_report AS (
      SELECT w."key",
        EXISTS (SELECT 1 FROM rl_charged c WHERE c."key" = w."key") AS charged,
        greatest(0, w."limit" - coalesce(b."count", 0))::int AS remaining,
        ceil(extract(epoch FROM (rl_win.start + make_interval(secs => ${windowSeconds}::int)) - now()))::int AS reset,
        rl_win.start AS "windowStart"
      FROM rl_wanted w CROSS JOIN rl_win
      LEFT JOIN "RateLimitBucket" b ON b."key" = w."key" AND b."windowStart" = rl_win.start
    )`;
}

/** Several counters charged in one statement of their own (chargeRateLimitsSql's rules). */
export async function consumeRateLimits(
  executor: Executor,
  { charges, windowSeconds }: { charges: RateLimitCharge[]; windowSeconds: number },
): Promise<{
  refused: Array<{ key: string; limit: number; remaining: number }>;
  resetSeconds: number;
  windowStart: Date;
}> {
  const merged = new Map<string, RateLimitCharge>();
  for (const charge of charges) {
    const previous = merged.get(charge.key);
    merged.set(charge.key, previous ? { ...previous, cost: previous.cost + charge.cost } : charge);
  }
  const wanted = [...merged.values()].filter((charge) => charge.cost > 0);
  if (wanted.length === 0) return { refused: [], resetSeconds: windowSeconds, windowStart: new Date() };
  const source = Prisma.sql`
      SELECT * FROM unnest(${wanted.map((c) => c.key)}::text[], ${wanted.map((c) => c.limit)}::int[], ${wanted.map((c) => c.cost)}::int[])
        AS w("key", "limit", "cost")`;
  const rows = await executor.$queryRaw<
    Array<{ key: string; charged: boolean; remaining: number; reset: number; windowStart: Date }>
  >`
    WITH ${chargeRateLimitsSql(source, windowSeconds)}
    SELECT * FROM rl_report ORDER BY "key" COLLATE "C"`;
  const limits = new Map(wanted.map((charge) => [charge.key, charge.limit]));
  return {
    refused: rows
      .filter((row) => !row.charged)
      .map((row) => ({ key: row.key, limit: limits.get(row.key)!, remaining: row.remaining })),
    resetSeconds: Math.max(1, rows[0]?.reset ?? windowSeconds),
    windowStart: rows[0]!.windowStart,
  };
}

/**
 * Gives units back to the window they were charged in (work they paid for did not happen), in
 * key order like every charge, never below zero. A window that has already closed is left alone.
 */
export async function refundRateLimits(
  executor: Executor,
  { charges, windowStart }: { charges: RateLimitCharge[]; windowStart: Date },
) {
  const refunds = charges.filter((charge) => charge.cost > 0);
  if (refunds.length === 0) return;
  await executor.$queryRaw`
    WITH refund AS (
      SELECT * FROM unnest(${refunds.map((c) => c.key)}::text[], ${refunds.map((c) => c.cost)}::int[]) AS r("key", "cost")
    ), locked AS (
      SELECT b."key" FROM "RateLimitBucket" b JOIN refund r ON r."key" = b."key"
      WHERE b."windowStart" = ${windowStart} ORDER BY b."key" FOR UPDATE OF b
    )
    UPDATE "RateLimitBucket" b SET "count" = greatest(0, b."count" - r."cost")
    FROM refund r, locked l
    WHERE b."key" = r."key" AND l."key" = r."key" AND b."windowStart" = ${windowStart}`;
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
  return {
    allowed: used < limit,
    limit,
    remaining: Math.max(0, limit - used),
    resetSeconds: Math.max(1, rows[0]?.reset ?? windowSeconds),
  };
}
