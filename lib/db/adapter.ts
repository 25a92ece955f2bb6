import "server-only";
import { mkdirSync } from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { createPGlite } from "./create-pglite";

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
    return { factory: new PrismaPg({ connectionString: target.url, max: 10 }), close: async () => {} };
  }
  if (target.dataDir && !target.dataDir.includes("://")) mkdirSync(target.dataDir, { recursive: true });
  const client = target.client ?? createPGlite(target.dataDir);
  return { factory: new PrismaPGliteWithExtensions(client), close: () => client.close(), pglite: client };
}
