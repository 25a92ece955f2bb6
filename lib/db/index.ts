import "server-only";
import { env } from "@/lib/env";
import { createPrismaClient, getDirectSql, type Db } from "./create-client";
import { toSqlClient, type DirectSql, type SqlClient } from "./direct-sql";

const sqlClients = new WeakMap<DirectSql, SqlClient>();

const globalForDb = globalThis as unknown as { teamgateDb?: Db };

function connect(): Db {
  return env.DATABASE_URL
    ? createPrismaClient({ kind: "postgres", url: env.DATABASE_URL })
    : createPrismaClient({ kind: "pglite", dataDir: env.PGLITE_DATA_DIR });
}

function getClient(): Db {
  return (globalForDb.teamgateDb ??= connect());
}

/**
 * The process's one Prisma client, opened on first use (PGlite must be opened once per
 * process, and `next build` must not open it at all). Its hand-written statements outside a
 * transaction skip Prisma and go to the driver; those inside `$transaction` stay on Prisma's
 * transaction connection.
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = getClient();
    if (property === "$queryRaw" || property === "$executeRaw") {
      const direct = getDirectSql(client);
      if (direct) {
        let sql = sqlClients.get(direct);
        if (!sql) sqlClients.set(direct, (sql = toSqlClient(direct.query)));
        return sql[property];
      }
    }
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** The driver-level executor of the process's client (none for a test's `$extends`-wrapped client). */
export function getDirectSqlOfDb(): DirectSql | undefined {
  return getDirectSql(getClient());
}

export type { Db };
