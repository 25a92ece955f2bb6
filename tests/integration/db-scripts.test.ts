import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { DatabaseTarget } from "@/lib/db/adapter";
import { createPrismaClient } from "@/lib/db/create-client";
import { runDatabaseCommand } from "@/scripts/database-commands";
import { loadDatabaseTarget } from "@/scripts/database-target";

const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
const scratch = mkdtempSync(join(tmpdir(), "teamgate-db-scripts-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let databases = 0;
function freshTarget(): DatabaseTarget {
  databases += 1;
  return { kind: "pglite", dataDir: join(scratch, `db${databases}`) };
}

/** The arguments an npm script passes to scripts/db.mjs before starting anything else. */
function databaseArgsOf(script: string) {
  const match = script.match(/node scripts\/db\.mjs ([^&|;]+)/);
  return match ? match[1]!.trim().split(/\s+/) : null;
}

async function countTeams(target: DatabaseTarget) {
  const db = createPrismaClient(target);
  try {
    return await db.team.count();
  } finally {
    await db.$disconnect();
  }
}

const quiet = () => {};

describe("database scripts", () => {
  it("`npm start` migrates but never seeds, whatever NODE_ENV says", async () => {
    const args = databaseArgsOf(scripts.start!);
    expect(args).not.toBeNull();
    for (const production of [false, true]) {
      const target = freshTarget();
      expect(await runDatabaseCommand(args!, { target, production, log: quiet })).toBe(0);
      expect(await countTeams(target)).toBe(0);
    }
  }, 120_000);

  it("`npm run dev` seeds an empty database once, and keeps existing data", async () => {
    const args = databaseArgsOf(scripts.dev!);
    const target = freshTarget();
    await runDatabaseCommand(args!, { target, production: false, log: quiet });
    const seeded = await countTeams(target);
    expect(seeded).toBeGreaterThan(0);
    await runDatabaseCommand(args!, { target, production: false, log: quiet });
    expect(await countTeams(target)).toBe(seeded);
  }, 120_000);

  it.each([["seed"], ["reset"], ["prepare", "--seed"]])(
    "`%s` is refused in production before touching the database",
    async (...args) => {
      const target = freshTarget();
      await expect(runDatabaseCommand(args, { target, production: true, log: quiet })).rejects.toThrow(
        /refused with NODE_ENV=production/,
      );
    },
  );

  it("reads .env like the app, and validates DATABASE_URL with the app's rules", () => {
    const saved = { ...process.env };
    try {
      delete process.env.DATABASE_URL;
      delete process.env.PGLITE_DATA_DIR;
      const withPglite = mkdtempSync(join(scratch, "env-"));
      writeFileSync(join(withPglite, ".env"), "PGLITE_DATA_DIR=.data/from-dotenv\n");
      expect(loadDatabaseTarget(withPglite)).toEqual({ kind: "pglite", dataDir: ".data/from-dotenv" });
    } finally {
      process.env = { ...saved };
    }
  });

  it("names a malformed DATABASE_URL from .env", () => {
    const saved = { ...process.env };
    try {
      delete process.env.DATABASE_URL;
      const withMysql = mkdtempSync(join(scratch, "env-"));
      writeFileSync(join(withMysql, ".env"), "DATABASE_URL=mysql://db/app\n");
      expect(() => loadDatabaseTarget(withMysql)).toThrow(/DATABASE_URL: must be a postgres/);
    } finally {
      process.env = { ...saved };
    }
  });
});
