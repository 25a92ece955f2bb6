// @next/env is CommonJS that Node cannot read named exports from.
import nextEnv from "@next/env";
import type { DatabaseTarget } from "@/lib/db/adapter";
import { databaseSettingsSchema, describeEnvIssues } from "@/lib/db/database-settings";

/**
 * The database the app in `dir` would open: its .env files loaded the way `next` loads them,
 * then DATABASE_URL and PGLITE_DATA_DIR validated with the app's own rules.
 */
export function loadDatabaseTarget(dir = process.cwd()): DatabaseTarget {
  nextEnv.loadEnvConfig(dir, process.env.NODE_ENV !== "production", { info: () => {}, error: console.error }, true);
  const parsed = databaseSettingsSchema.safeParse(process.env);
  if (!parsed.success) throw new Error(describeEnvIssues(parsed.error));
  const { DATABASE_URL, PGLITE_DATA_DIR } = parsed.data;
  return DATABASE_URL ? { kind: "postgres", url: DATABASE_URL } : { kind: "pglite", dataDir: PGLITE_DATA_DIR };
}
