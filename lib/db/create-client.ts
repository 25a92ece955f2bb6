import "server-only";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapterFactory, type DatabaseTarget } from "./adapter";
import { createPgDirectSql, createPgliteDirectSql, type DirectSql } from "./direct-sql";

/**
 * How long a transaction may wait for one of the pool's connections. Prisma's default (2 s) turned
 * a burst (50 parallel accepts of one invitation on a busy machine) into 500s; a request that
 * waits its turn a little longer still answers what it should.
 */
export const TRANSACTION_MAX_WAIT_MS = 10_000;

// On globalThis: the server's bundles (route handlers, the instrumentation that starts the sender)
// each hold their own copy of this module but share the one client (lib/db/index.ts).
const globalForDirectSql = globalThis as unknown as { teamgateDirectSql?: WeakMap<object, DirectSql> };
const directSqlOf = (globalForDirectSql.teamgateDirectSql ??= new WeakMap<object, DirectSql>());

export function createPrismaClient(target: DatabaseTarget) {
  const adapter = createAdapterFactory(target);
  const client = new PrismaClient({
    adapter: adapter.factory,
    transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS },
  });
  directSqlOf.set(client, adapter.pool ? createPgDirectSql(adapter.pool) : createPgliteDirectSql(adapter.pglite));
  return client;
}

/** The driver-level executor over the same connections as this client (none for a client made otherwise, e.g. `$extends`). */
export function getDirectSql(client: object): DirectSql | undefined {
  return directSqlOf.get(client);
}

export type Db = ReturnType<typeof createPrismaClient>;
