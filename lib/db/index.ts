import "server-only";
import { env } from "@/lib/env";
import { createPrismaClient, type Db } from "./create-client";

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
 * process, and `next build` must not open it at all).
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = getClient();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type { Db };
