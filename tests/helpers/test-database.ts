import { randomBytes } from "node:crypto";
import { createPGlite } from "@/lib/db/create-pglite";
import pg from "pg";
import { createPrismaClient, type Db } from "@/lib/db/create-client";
import { readMigrationSql } from "./migration-sql";

export type TestDatabase = {
  db: Db;
  engine: "pglite" | "postgres";
  /** A connection string for extra connections (PostgreSQL only). */
  url?: string;
  close: () => Promise<void>;
};

function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A fresh database with every migration applied: PGlite in memory, or a PostgreSQL clone of the template. */
export async function createTestDatabase(templateDatabase?: string): Promise<TestDatabase> {
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (baseUrl && templateDatabase) {
    const name = `teamgate_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabase}"`);
    await admin.end();
    const url = withDatabase(baseUrl, name);
    const db = createPrismaClient({ kind: "postgres", url });
    return {
      db,
      engine: "postgres",
      url,
      close: async () => {
        await db.$disconnect();
        const dropper = new pg.Client({ connectionString: baseUrl });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await dropper.end();
      },
    };
  }
  const client = createPGlite();
  for (const sql of readMigrationSql()) await client.exec(sql);
  const db = createPrismaClient({ kind: "pglite", client });
  return {
    db,
    engine: "pglite",
    close: async () => {
      await db.$disconnect();
      await client.close();
    },
  };
}

/** The database the current test file runs against (installed by setup-database.ts). */
export function getTestDatabase(): TestDatabase {
  const current = (globalThis as { teamgateTestDatabase?: TestDatabase }).teamgateTestDatabase;
  if (!current) throw new Error("No test database: is tests/helpers/setup-database.ts in setupFiles?");
  return current;
}
