import { describe, expect, it } from "vitest";
import { createUser } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

const { db: appDb } = await import("@/lib/db");
const { runSqlTransaction } = await import("@/lib/db/run-transaction");
const { abortTransaction } = await import("@/lib/db/transaction-abort");
const { fail } = await import("@/lib/result");

const { db, engine } = getTestDatabase();

describe(`hand-written SQL on the driver (${engine})`, () => {
  it("reads values as Prisma's $queryRaw does: a bigint is a BigInt, times are Dates, JSON is parsed", async () => {
    const [row] = await appDb.$queryRaw<Array<{ big: bigint; at: Date; doc: { a: number }; list: string[] }>>`
      SELECT 9007199254740993::int8 AS big, now() AS at, '{"a":1}'::json AS doc, ARRAY['x', 'y'] AS list`;
    expect(row!.big).toBe(9007199254740993n);
    expect(row!.at).toBeInstanceOf(Date);
    expect(row!.doc).toEqual({ a: 1 });
    expect(row!.list).toEqual(["x", "y"]);
    expect(await appDb.$executeRaw`UPDATE "User" SET "name" = "name" WHERE false`).toBe(0);
  });

  it("a refusal inside runSqlTransaction rolls back what it wrote and comes back as its failure", async () => {
    const user = await createUser(db, { name: "Before" });
    const result = await runSqlTransaction(async (tx) => {
      await tx.$executeRaw`UPDATE "User" SET "name" = 'During' WHERE "id" = ${user.id}::uuid`;
      abortTransaction(fail("CONFLICT", "changed my mind"));
    });
    expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Before");
    const committed = await runSqlTransaction(async (tx) => {
      await tx.$executeRaw`UPDATE "User" SET "name" = 'After' WHERE "id" = ${user.id}::uuid`;
      return "done";
    });
    expect(committed).toBe("done");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("After");
  });
});

// A pool and row locks exist only on PostgreSQL (PGlite serves one connection, one transaction at a time).
if (engine === "postgres")
  describe("driver transactions under contention (postgres)", () => {
    it("a lock held past the transaction's limit answers busy (503), and nothing it wrote is kept", async () => {
      const user = await createUser(db, { name: "Locked" });
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const lockTaken = new Promise<void>((resolve) => (locked = resolve));
      const holder = db.$transaction(
        async (tx) => {
          await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${user.id}::uuid FOR UPDATE`;
          locked();
          await held;
        },
        { timeout: 20_000 },
      );
      await lockTaken;
      const waiting = await runSqlTransaction(
        async (tx) => {
          await tx.$executeRaw`INSERT INTO "AuditEvent" ("id", "action", "targetType") VALUES (gen_random_uuid(), 'probe', 'probe')`;
          await tx.$executeRaw`UPDATE "User" SET "name" = 'Waited' WHERE "id" = ${user.id}::uuid`;
        },
        { timeoutMs: 300 },
      );
      release();
      await holder;
      expect(waiting).toMatchObject({ ok: false, code: "UNAVAILABLE", retryAfterSeconds: 2 });
      expect(await db.auditEvent.count({ where: { action: "probe" } })).toBe(0);
      expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Locked");
    }, 30_000);

    it("with every pooled connection taken, a transaction that cannot get one in time answers busy", async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const holders = Array.from({ length: 10 }, () =>
        runSqlTransaction(async (tx) => {
          await tx.$queryRaw`SELECT 1`;
          await held;
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const late = await runSqlTransaction(async (tx) => tx.$queryRaw`SELECT 1`, { maxWaitMs: 200 });
      release();
      await Promise.all(holders);
      expect(late).toMatchObject({ ok: false, code: "UNAVAILABLE" });
      // The pool is whole again afterwards.
      expect(await runSqlTransaction(async (tx) => tx.$queryRaw<Array<{ one: number }>>`SELECT 1 AS one`)).toEqual([
        { one: 1 },
      ]);
    }, 30_000);
  });
