import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Pure modules (no I/O, safe anywhere, unit-tested beside them); everything else in these folders is server-only.
const PURE = new Set([
  "lib/api/openapi/list-api-operations.ts",
  "lib/api/rate-limit-headers.ts",
  "lib/api-keys/api-key-scopes.ts",
  "lib/api-keys/create-api-key-schema.ts",
  "lib/auth/actor.ts",
  "lib/auth/new-password-schema.ts",
  "lib/auth/password-reset-policy.ts",
  "lib/auth/safe-redirect.ts",
  "lib/auth/parse-client-address.ts",
  "lib/auth/parse-session-claims.ts",
  "lib/auth/read-cookie-header.ts",
  "lib/auth/session-lifetime.ts",
  "lib/db/database-settings.ts",
  "lib/db/escape-like-pattern.ts",
  "lib/db/keyset-cursor.ts",
  "lib/db/name-statement.ts",
]);

function modulesIn(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return modulesIn(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("server-only modules", () => {
  const modules = ["lib/api", "lib/api-keys", "lib/auth", "lib/db"]
    .flatMap(modulesIn)
    .filter((path) => !PURE.has(path));

  it.each(modules)('%s starts with import "server-only"', (path) => {
    expect(readFileSync(path, "utf8").split("\n")[0]).toBe('import "server-only";');
  });
});

// Anywhere in lib/: a module that reaches the database, the environment (and so the secrets), the
// session or request headers must never be bundled for the browser.
const SERVER_IMPORTS = [/from "@\/lib\/db"/, /from "@\/lib\/env"/, /from "next-auth/, /from "next\/headers"/];

describe("modules that touch the database, environment or session", () => {
  const touching = modulesIn("lib")
    .filter((path) => !path.startsWith("lib/generated/"))
    .filter((path) => {
      const source = readFileSync(path, "utf8");
      return source
        .split("\n")
        .filter((line) => line.startsWith("import ") && !line.startsWith("import type "))
        .some((line) => SERVER_IMPORTS.some((pattern) => pattern.test(line)));
    });

  it("are found (the scan works)", () => {
    expect(touching.length).toBeGreaterThan(50);
  });

  it.each(touching)('%s starts with import "server-only"', (path) => {
    expect(readFileSync(path, "utf8").split("\n")[0]).toBe('import "server-only";');
  });
});
