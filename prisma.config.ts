// @next/env is CommonJS that Node cannot read named exports from.
import nextEnv from "@next/env";
import { defineConfig } from "prisma/config";
import { databaseSettingsSchema, describeEnvIssues } from "./lib/db/database-settings";

// Only the CLI reads this file. The app builds its own client from lib/db.ts, and migrations
// run through scripts/db.mjs (Prisma's schema engine in WebAssembly). Both read .env as `next` does.
nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", { info: () => {}, error: console.error });
const settings = databaseSettingsSchema.safeParse(process.env);
if (!settings.success) throw new Error(describeEnvIssues(settings.error));

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: settings.data.DATABASE_URL ?? "postgresql://localhost:5432/teamgate" },
});
