import "server-only";
import { mkdirSync } from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { createPGlite } from "./create-pglite";
import { nameStatement } from "./name-statement";

/** The library's shadow database (used to diff migrations) is a bare PGlite; ours loads the same extensions. */
class PrismaPGliteWithExtensions extends PrismaPGlite {
  override connectToShadowDb() {
    return new PrismaPGlite(createPGlite()).connect();
  }
}

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir?: string; client?: PGlite };

/** Builds the driver adapter factory for either engine; the rest of the code never sees which. */
export function createAdapterFactory(target: DatabaseTarget) {
  if (target.kind === "postgres") {
    // Statements are prepared once per connection (see nameStatement), and PostgreSQL's default
    // plan cache then settles on one generic plan per statement after five calls: no planning per
    // call (it was 40% of a create's database time when every call was re-planned). A text search
    // is the exception — its generic plan walks the whole team instead of the trigram index — so
    // nameStatement leaves it unnamed, and an unnamed statement is planned with its values.
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // An idle connection the server ended (a restart, a dropped database) is removed by the pool;
    // unheard, its "error" event would end the process. A query on a broken one fails on its own.
    pool.on("error", () => {});
    return {
      factory: new PrismaPg(pool, { statementNameGenerator: nameStatement, disposeExternalPool: true }),
      close: async () => {},
      pool,
      pglite: null,
    };
  }
  if (target.dataDir && !target.dataDir.includes("://")) mkdirSync(target.dataDir, { recursive: true });
  const client = target.client ?? createPGlite(target.dataDir);
  return { factory: new PrismaPGliteWithExtensions(client), close: () => client.close(), pool: null, pglite: client };
}
