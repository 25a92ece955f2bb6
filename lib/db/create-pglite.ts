import "server-only";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/**
 * Every embedded database is opened through here: PGlite loads extensions only when it is
 * constructed, and the migrations need pg_trgm (the email search index).
 */
export function createPGlite(dataDir?: string): PGlite {
  return new PGlite({ ...(dataDir ? { dataDir } : {}), extensions: { pg_trgm } });
}
