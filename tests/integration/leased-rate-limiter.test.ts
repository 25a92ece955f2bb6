import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createLeasedRateLimiter, leaseSize } from "@/lib/rate-limit/create-leased-rate-limiter";
import { getTestDatabase } from "../helpers/test-database";

const { db, engine } = getTestDatabase();

/** The database client as a limiter sees it, counting the statements it sends. */
function countingExecutor() {
  const executor = {
    statements: 0,
    $queryRaw: ((...args: Parameters<typeof db.$queryRaw>) => {
      executor.statements += 1;
      return db.$queryRaw(...args);
    }) as typeof db.$queryRaw,
  };
  return executor;
}

async function sharedCount(key: string) {
  const rows = await db.rateLimitBucket.findMany({ where: { key }, select: { count: true } });
  return rows.reduce((sum, row) => sum + row.count, 0);
}

describe(`leased rate limiter (${engine})`, () => {
  it("writes the shared counter once per lease, not once per request", async () => {
    const executor = countingExecutor();
    const consume = createLeasedRateLimiter(executor, { limit: 1000, windowSeconds: 3600 });
    const key = `lease-${randomUUID()}`;
    for (let i = 0; i < 100; i += 1) expect((await consume(key)).allowed).toBe(true);
    expect(leaseSize(1000)).toBe(20);
    expect(executor.statements).toBe(5);
    expect(await sharedCount(key)).toBe(100);
  });

  it("gives one process exactly its limit, the window's last units one at a time, then refuses without writing", async () => {
    const executor = countingExecutor();
    const consume = createLeasedRateLimiter(executor, { limit: 131, windowSeconds: 3600 });
    const key = `lease-${randomUUID()}`;
    const outcomes = [];
    for (let i = 0; i < 140; i += 1) outcomes.push(await consume(key));
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(131);
    expect(outcomes.slice(131).every((o) => !o.allowed && o.resetSeconds > 0)).toBe(true);
    expect(await sharedCount(key)).toBe(131);
    const statements = executor.statements;
    for (let i = 0; i < 20; i += 1) expect((await consume(key)).allowed).toBe(false);
    expect(executor.statements).toBe(statements);
  });

  it("never lets several processes together pass the limit under parallel load", async () => {
    // Two limiters stand for two server processes sharing the database's counter.
    const processes = [
      createLeasedRateLimiter(db, { limit: 1000, windowSeconds: 3600 }),
      createLeasedRateLimiter(db, { limit: 1000, windowSeconds: 3600 }),
    ];
    const key = `lease-${randomUUID()}`;
    const outcomes = await Promise.all(Array.from({ length: 1200 }, (_, i) => processes[i % 2]!(key)));
    const allowed = outcomes.filter((o) => o.allowed).length;
    expect(allowed).toBeLessThanOrEqual(1000);
    // What one process leased and did not spend is the only shortfall.
    expect(allowed).toBeGreaterThanOrEqual(1000 - leaseSize(1000));
    expect(await sharedCount(key)).toBeLessThanOrEqual(1000);
  });

  it("reports what is left across the shared counter and the process's lease", async () => {
    const consume = createLeasedRateLimiter(db, { limit: 1000, windowSeconds: 3600 });
    const key = `lease-${randomUUID()}`;
    const first = await consume(key);
    const second = await consume(key);
    expect(first).toMatchObject({ allowed: true, limit: 1000, remaining: 999 });
    expect(second.remaining).toBe(998);
  });

  it("charges a batch all or nothing, and refuses a batch that does not fit while a smaller one still does", async () => {
    const consume = createLeasedRateLimiter(db, { limit: 100, windowSeconds: 3600 });
    const key = `lease-${randomUUID()}`;
    expect(await consume(key, 90)).toMatchObject({ allowed: true, remaining: 10 });
    const refused = await consume(key, 11);
    expect(refused).toMatchObject({ allowed: false, remaining: 10 });
    expect(await sharedCount(key)).toBe(90);
    expect(await consume(key, 10)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await sharedCount(key)).toBe(100);
    expect((await consume(key, 1)).allowed).toBe(false);
  });

  it("takes units given back into the lease, and returns what exceeds one lease to the shared counter", async () => {
    const executor = countingExecutor();
    const consume = createLeasedRateLimiter(executor, { limit: 1000, windowSeconds: 3600 });
    const key = `lease-${randomUUID()}`;
    const batch = await consume(key, 50);
    expect(await sharedCount(key)).toBe(50);
    // 45 of the 50 were not used: one lease's worth stays with the process, the rest goes back.
    await batch.giveBack(45);
    expect(await sharedCount(key)).toBe(5 + leaseSize(1000));
    const statements = executor.statements;
    for (let i = 0; i < leaseSize(1000); i += 1) expect((await consume(key)).allowed).toBe(true);
    expect(executor.statements).toBe(statements);
    expect(await sharedCount(key)).toBe(5 + leaseSize(1000));
  });

  it("gives a refused batch's units back once another process returns them", async () => {
    const [a, b] = [
      createLeasedRateLimiter(db, { limit: 100, windowSeconds: 3600 }),
      createLeasedRateLimiter(db, { limit: 100, windowSeconds: 3600 }),
    ];
    const key = `lease-${randomUUID()}`;
    const taken = await b(key, 100);
    expect((await a(key, 20)).allowed).toBe(false);
    await taken.giveBack(40);
    expect(await sharedCount(key)).toBe(60 + leaseSize(100));
    // Within the few seconds a refusal is remembered, process A answers from memory; later it asks again.
    await new Promise((resolve) => setTimeout(resolve, 5_100));
    expect((await a(key, 20)).allowed).toBe(true);
  });
});
