import "server-only";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { nameStatement } from "./name-statement";

/**
 * Hand-written statements sent straight to the driver: the same pool (or embedded database) and
 * the same prepared statements as Prisma's, without its client runtime and query compiler, which
 * cost about 30 % of a request's CPU for statements they only pass through (bench/analysis.md).
 * Results read as Prisma's `$queryRaw` reads them (a bigint is a BigInt).
 */
export type SqlResult<T> = { rows: T[]; rowCount: number };
export type SqlRunner = <T>(statement: Prisma.Sql) => Promise<SqlResult<T>>;
export type TransactionLimits = { maxWaitMs: number; timeoutMs: number };

export type DirectSql = {
  query: SqlRunner;
  /** BEGIN … COMMIT on one connection; any throw rolls back and is rethrown. */
  transaction<T>(work: (run: SqlRunner) => Promise<T>, limits: TransactionLimits): Promise<T>;
  /** Statements on one connection, each committing on its own (no BEGIN, no COMMIT round trip). */
  alone<T>(work: (run: SqlRunner) => Promise<T>, limits: Pick<TransactionLimits, "maxWaitMs">): Promise<T>;
};

/** No pooled connection within maxWaitMs: the caller answers "busy" (see run-transaction.ts). */
export class ConnectionWaitTimeout extends Error {
  readonly code = "CONNECTION_WAIT_TIMEOUT";
}

const INT8 = 20;
const parseBigInt = (value: string) => BigInt(value);

function pgTypeParser(oid: number, format?: "text" | "binary") {
  return oid === INT8 ? parseBigInt : pg.types.getTypeParser(oid, format ?? "text");
}

function pgRunner(client: pg.Pool | pg.PoolClient): SqlRunner {
  return async <T>(statement: Prisma.Sql) => {
    const text = statement.text;
    const values = statement.values;
    const name = nameStatement({ sql: text, args: values }) || undefined;
    const result: pg.QueryResult = await client.query({
      name,
      text,
      values,
      types: { getTypeParser: pgTypeParser },
    });
    return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
  };
}

/** A pooled connection within `ms`, or ConnectionWaitTimeout (a connection that arrives late goes back to the pool). */
async function connectWithin(pool: pg.Pool, ms: number): Promise<pg.PoolClient> {
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const connecting = pool.connect();
  try {
    return await Promise.race([
      connecting,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          timedOut = true;
          reject(new ConnectionWaitTimeout("No database connection was free in time."));
        }, ms);
      }),
    ]);
  } catch (error) {
    if (timedOut) connecting.then((client) => client.release()).catch(() => {});
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

export function createPgDirectSql(pool: pg.Pool): DirectSql {
  return {
    query: pgRunner(pool),
    async transaction(work, limits) {
      const client = await connectWithin(pool, limits.maxWaitMs);
      let broken: Error | undefined;
      try {
        // A statement (or lock wait) past the limit is cancelled (57014) and the whole transaction with it.
        await client.query(`BEGIN; SET LOCAL statement_timeout = ${Math.max(1, Math.floor(limits.timeoutMs))}`);
        const result = await work(pgRunner(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async alone(work, limits) {
      const client = await connectWithin(pool, limits.maxWaitMs);
      try {
        return await work(pgRunner(client));
      } finally {
        client.release();
      }
    },
  };
}

function pgliteRunner(client: PGlite | Transaction): SqlRunner {
  return async <T>(statement: Prisma.Sql) => {
    const result = await client.query<T>(statement.text, statement.values as unknown[], {
      parsers: { [INT8]: parseBigInt },
    });
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
  };
}

export function createPgliteDirectSql(client: PGlite): DirectSql {
  return {
    query: pgliteRunner(client),
    // One connection, one transaction at a time: PGlite queues the rest.
    transaction: (work) => client.transaction((tx) => work(pgliteRunner(tx))),
    alone: (work) => work(pgliteRunner(client)),
  };
}

/** What a data-layer function that only sends hand-written SQL needs: Prisma's client, its transaction, or the driver's. */
export type SqlClient = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

type RawArgs = [query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]];

function toSql([query, ...values]: RawArgs): Prisma.Sql {
  return query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
}

/** `$queryRaw` / `$executeRaw` over a driver runner, called as Prisma's are (tagged template or Prisma.Sql). */
export function toSqlClient(run: SqlRunner): SqlClient {
  const client = {
    $queryRaw: async (...args: RawArgs) => (await run(toSql(args))).rows,
    $executeRaw: async (...args: RawArgs) => (await run(toSql(args))).rowCount,
  };
  // Prisma types these as PrismaPromise (for batch $transaction([...]), which nothing here uses).
  return client as unknown as SqlClient;
}
