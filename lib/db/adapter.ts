import "server-only";
import { mkdirSync } from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { createPGlite } from "./create-pglite";
import { nameStatement } from "./name-statement";

/** The library's shadow database (used to diff migrations) is a bare PGlite; ours loads the same extensions. */
class PrismaPGliteWithExtensions extends PrismaPGlite {
  override connectToShadowDb() {
    return new PrismaPGlite(createPGlite()).connect();
  }
}

export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir?: string; client?: PGlite };

/** Builds the driver adapter factory for either engine; the rest of the code never sees which. */
export function createAdapterFactory(target: DatabaseTarget) {
  if (target.kind === "postgres") {
    // Statements are prepared once per connection (see nameStatement), which would let PostgreSQL
    // settle on one generic plan per statement; for a text search that plan walks the whole team
    // instead of using the trigram index. Planning each call with its values keeps the plans that
    // bench/explain-queries.ts shows.
    const config = { connectionString: target.url, max: 10, options: "-c plan_cache_mode=force_custom_plan" };
    return { factory: new PrismaPg(config, { statementNameGenerator: nameStatement }), close: async () => {} };
  }
  if (target.dataDir && !target.dataDir.includes("://")) mkdirSync(target.dataDir, { recursive: true });
  const client = target.client ?? createPGlite(target.dataDir);
  return { factory: new PrismaPGliteWithExtensions(client), close: () => client.close(), pglite: client };
}
