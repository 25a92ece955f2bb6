import { describe, expect, it } from "vitest";
import { getTestDatabase } from "../helpers/test-database";

const { db, engine } = getTestDatabase();

describe(`transactions under a burst (${engine})`, () => {
  it("wait for a free connection longer than Prisma's 2 s default instead of failing", async () => {
    // Transactions hold every connection for 2.5 s (PostgreSQL's pool has ten, PGlite serves one at
    // a time); the next one must wait, not fail.
    const holders = Array.from({ length: engine === "postgres" ? 10 : 1 }, () =>
      db.$transaction(async (tx) => tx.$queryRaw`SELECT pg_sleep(2.5)::text AS slept`, { timeout: 20_000 }),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    const late = await db.$transaction(async (tx) => tx.$queryRaw<Array<{ one: number }>>`SELECT 1 AS one`);
    await Promise.all(holders);
    expect(late).toEqual([{ one: 1 }]);
    // Only PostgreSQL has a pool to wait for; PGlite's sleep does not hold its one connection.
    if (engine === "postgres") expect(Date.now() - started).toBeGreaterThan(2000);
  }, 60_000);
});
