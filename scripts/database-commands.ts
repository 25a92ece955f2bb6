import { mkdirSync } from "node:fs";
import { parseArgs } from "node:util";
import type { DatabaseTarget } from "@/lib/db/adapter";
import { createPrismaClient } from "@/lib/db/create-client";
import { createPGlite } from "@/lib/db/create-pglite";
import { seedDatabase } from "@/prisma/seed";
import {
  applyMigrations,
  createMigration,
  diffMigrationsToSchema,
  readMigrationStatus,
  resetDatabase,
} from "./schema-engine";

type Options = { target: DatabaseTarget; production: boolean; log?: (line: string) => void };

function describe(target: DatabaseTarget) {
  return target.kind === "postgres"
    ? `PostgreSQL (${new URL(target.url).pathname.slice(1)})`
    : `PGlite (${target.dataDir})`;
}

function refuseInProduction(production: boolean, what: string) {
  if (production)
    throw new Error(`${what} is for development and test databases only; refused with NODE_ENV=production.`);
}

async function seedIfEmpty(target: DatabaseTarget, { force }: { force: boolean }) {
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

/** Runs `work` on the target with an embedded database opened once for all of it. */
async function withOpenDatabase<T>(target: DatabaseTarget, work: (opened: DatabaseTarget) => Promise<T>): Promise<T> {
  if (target.kind === "postgres" || target.client) return work(target);
  if (target.dataDir && !target.dataDir.includes("://")) mkdirSync(target.dataDir, { recursive: true });
  const client = createPGlite(target.dataDir);
  try {
    return await work({ kind: "pglite", client });
  } finally {
    await client.close();
  }
}

/**
 * `prepare` migrates (what `npm start` runs); `prepare --seed` also seeds an empty database
 * (`npm run dev` and the e2e server only). Seeding is refused in production.
 */
export async function runDatabaseCommand(args: string[], { target, production, log = console.log }: Options) {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { name: { type: "string" }, seed: { type: "boolean" } },
  });
  const command = positionals[0];
  const migrate = async (on: DatabaseTarget = target) => {
    const applied = await applyMigrations(on);
    log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
  };

  switch (command) {
    case "prepare": {
      if (values.seed) refuseInProduction(production, "Seeding");
      log(`Database: ${describe(target)}`);
      // Opening an embedded database costs a second or more (several when it must first be
      // created); migrating and seeding share one opening.
      return withOpenDatabase(target, async (opened) => {
        await migrate(opened);
        if (values.seed && (await seedIfEmpty(opened, { force: false })))
          log("Seeded development data (see README for sign-in).");
        return 0;
      });
    }
    case "migrate": {
      if (!values.name) throw new Error("Name the migration: npm run db:migrate -- --name add_something");
      const created = await createMigration(values.name);
      log(created ? `Created ${created}` : "schema.prisma and the migrations already agree: nothing to create.");
      await migrate();
      return 0;
    }
    case "deploy":
      await migrate();
      return 0;
    case "status": {
      const status = await readMigrationStatus(target);
      const drift = await diffMigrationsToSchema();
      log(`Database: ${describe(target)}`);
      log(`Applied: ${status.applied.join(", ") || "none"}`);
      log(`Pending: ${status.pending.join(", ") || "none"}`);
      if (status.failed.length) log(`Failed: ${status.failed.join(", ")}`);
      if (status.modified.length) log(`Modified after being applied: ${status.modified.join(", ")}`);
      if (drift) log("schema.prisma has changes that no migration holds: run db:migrate -- --name <name>.");
      return status.pending.length || status.failed.length || status.modified.length || drift ? 1 : 0;
    }
    case "seed":
      refuseInProduction(production, "db:seed");
      await seedIfEmpty(target, { force: true });
      log("Seeded development data.");
      return 0;
    case "reset":
      refuseInProduction(production, "db:reset");
      await resetDatabase(target);
      await migrate();
      await seedIfEmpty(target, { force: false });
      log("Reset, migrated and seeded.");
      return 0;
    default:
      throw new Error(
        `Unknown command "${command ?? ""}". Use prepare [--seed], migrate --name X, deploy, status, seed or reset.`,
      );
  }
}
