// The database CLI behind `npm run db:*` and the `prepare` step before `next dev` / `next start`.
import { parseArgs } from "node:util";
import type { DatabaseTarget } from "@/lib/db/adapter";
import { createPrismaClient } from "@/lib/db/create-client";
import { seedDatabase } from "@/prisma/seed";
import { applyMigrations, createMigration, diffMigrationsToSchema, readMigrationStatus, resetDatabase } from "./schema-engine";

const production = process.env.NODE_ENV === "production";

function resolveTarget(): DatabaseTarget {
  const url = process.env.DATABASE_URL;
  if (url) return { kind: "postgres", url };
  return { kind: "pglite", dataDir: process.env.PGLITE_DATA_DIR || ".data/pglite" };
}

function describe(target: DatabaseTarget) {
  return target.kind === "postgres" ? `PostgreSQL (${new URL(target.url).pathname.slice(1)})` : `PGlite (${target.dataDir})`;
}

async function seedIfEmpty(target: DatabaseTarget, force = false) {
  const db = createPrismaClient(target);
  try {
    const teams = await db.team.count();
    if (teams > 0 && !force) return false;
    if (teams > 0) throw new Error("The database already has data; use db:reset to start over.");
    await seedDatabase(db);
    return true;
  } finally {
    await db.$disconnect();
  }
}

async function migrateTarget(target: DatabaseTarget) {
  const applied = await applyMigrations(target);
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
}

async function main() {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { name: { type: "string" } } });
  const command = positionals[0];
  const target = resolveTarget();

  switch (command) {
    case "prepare": {
      console.log(`Database: ${describe(target)}`);
      await migrateTarget(target);
      if (!production && (await seedIfEmpty(target))) console.log("Seeded development data (see README for sign-in).");
      return;
    }
    case "migrate": {
      if (!values.name) throw new Error("Name the migration: npm run db:migrate -- --name add_something");
      const created = await createMigration(values.name);
      console.log(created ? `Created ${created}` : "schema.prisma and the migrations already agree: nothing to create.");
      await migrateTarget(target);
      return;
    }
    case "deploy":
      await migrateTarget(target);
      return;
    case "status": {
      const status = await readMigrationStatus(target);
      const drift = await diffMigrationsToSchema();
      console.log(`Database: ${describe(target)}`);
      console.log(`Applied: ${status.applied.join(", ") || "none"}`);
      console.log(`Pending: ${status.pending.join(", ") || "none"}`);
      if (status.failed.length) console.log(`Failed: ${status.failed.join(", ")}`);
      if (status.modified.length) console.log(`Modified after being applied: ${status.modified.join(", ")}`);
      if (drift) console.log("schema.prisma has changes that no migration holds: run db:migrate -- --name <name>.");
      if (status.pending.length || status.failed.length || status.modified.length || drift) process.exitCode = 1;
      return;
    }
    case "seed":
      if (production) throw new Error("Seeding is for development and test databases only.");
      await seedIfEmpty(target, true);
      console.log("Seeded development data.");
      return;
    case "reset":
      if (production) throw new Error("db:reset is refused in production.");
      await resetDatabase(target);
      await migrateTarget(target);
      await seedIfEmpty(target);
      console.log("Reset, migrated and seeded.");
      return;
    default:
      throw new Error(`Unknown command "${command ?? ""}". Use prepare, migrate --name X, deploy, status, seed or reset.`);
  }
}

main().then(
  // The wasm engine and PGlite can leave timers behind; the work is done, so leave now.
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
