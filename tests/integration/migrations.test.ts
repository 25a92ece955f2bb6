import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPGlite } from "@/lib/db/create-pglite";
import { describe, expect, it } from "vitest";
import { applyMigrations, checksumMigration, diffMigrationsToSchema, listMigrations } from "@/scripts/schema-engine";

// Each builds a database in this process (PGlite) and runs Prisma's schema engine: ~30 s on a busy
// machine, so they get more than the default 30 s.
const SLOW = 300_000;

describe("migrations", () => {
  it(
    "agree with schema.prisma",
    async () => {
      expect(await diffMigrationsToSchema()).toBe("");
    },
    SLOW,
  );

  it(
    "would catch a schema change that no migration holds",
    async () => {
      const schema = readFileSync("prisma/schema.prisma", "utf8").replace(
        "model Team {\n",
        "model Team {\n  nickname String?\n",
      );
      expect(await diffMigrationsToSchema(schema)).toMatch(/ALTER TABLE "Team" ADD COLUMN\s+"nickname" TEXT/);
    },
    SLOW,
  );

  it(
    "apply to a fresh database, are recorded like prisma migrate deploy, and re-apply as a no-op",
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), "teamgate-migrations-"));
      try {
        const names = listMigrations().migrationDirectories.map((d) => d.path);
        expect(await applyMigrations({ kind: "pglite", dataDir })).toEqual(names);

        const client = createPGlite(dataDir);
        const { rows } = await client.query<{
          migration_name: string;
          checksum: string;
          finished_at: Date | null;
          applied_steps_count: number;
        }>(
          `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY started_at`,
        );
        await client.close();
        expect(rows.map((row) => row.migration_name)).toEqual(names);
        for (const row of rows) {
          expect(row.finished_at).not.toBeNull();
          expect(row.applied_steps_count).toBe(1);
          expect(row.checksum).toBe(checksumMigration(row.migration_name));
        }

        expect(await applyMigrations({ kind: "pglite", dataDir })).toEqual([]);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    SLOW,
  );
});
