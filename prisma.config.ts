import { defineConfig } from "prisma/config";

// Only the CLI reads this file. The app builds its own client from lib/db.ts,
// and migrations run through scripts/db.mjs (Prisma's schema engine in WebAssembly).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/teamgate" },
});
