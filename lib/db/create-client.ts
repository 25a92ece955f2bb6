import "server-only";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapterFactory, type DatabaseTarget } from "./adapter";

/**
 * How long a transaction may wait for one of the pool's connections. Prisma's default (2 s) turned
 * a burst (50 parallel accepts of one invitation on a busy machine) into 500s; a request that
 * waits its turn a little longer still answers what it should.
 */
export const TRANSACTION_MAX_WAIT_MS = 10_000;

export function createPrismaClient(target: DatabaseTarget) {
  const { factory } = createAdapterFactory(target);
  return new PrismaClient({ adapter: factory, transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS } });
}

export type Db = ReturnType<typeof createPrismaClient>;
