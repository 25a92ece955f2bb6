import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";

// Pure modules (no I/O, safe anywhere, unit-tested beside them); everything else in a folder that
// touches the database, the environment, the session or request headers is server-only.
const PURE = new Set([
  "lib/api/openapi/list-api-operations.ts",
  "lib/api/rate-limit-headers.ts",
  "lib/api-keys/api-key-scopes.ts",
  "lib/api-keys/create-api-key-schema.ts",
  "lib/audit/activity-query.ts",
  "lib/audit/audit-actions.ts",
  "lib/auth/actor.ts",
  "lib/auth/new-password-schema.ts",
  "lib/auth/password-reset-policy.ts",
  "lib/auth/safe-redirect.ts",
  "lib/auth/parse-client-address.ts",
  "lib/auth/parse-session-claims.ts",
  "lib/auth/read-cookie-header.ts",
  "lib/auth/session-lifetime.ts",
  "lib/csv/format-csv.ts",
  "lib/csv/parse-csv.ts",
  "lib/db/database-settings.ts",
  "lib/db/escape-like-pattern.ts",
  "lib/db/keyset-cursor.ts",
  "lib/db/name-statement.ts",
  "lib/email/email-template-cache.ts",
  "lib/email/display-text.ts",
  "lib/email/parse-email.ts",
  "lib/email/render-email-verification.tsx",
  "lib/email/render-email-parts.ts",
  "lib/email/render-invitation-email.tsx",
  "lib/email/render-password-reset-email.tsx",
  "lib/email/templates/email-frame.tsx",
  "lib/email/templates/invitation-email.tsx",
  "lib/email/templates/notice-email.tsx",
  "lib/i18n/catalogues/en.ts",
  "lib/i18n/catalogues/fr.ts",
  "lib/i18n/catalogues/index.ts",
  "lib/i18n/describe-invite-failure.ts",
  "lib/i18n/invitations-bulk/en.ts",
  "lib/i18n/invitations-bulk/fr.ts",
  "lib/i18n/invitations-bulk/index.ts",
  "lib/i18n/french-de.ts",
  "lib/i18n/pick-language.ts",
  "lib/i18n/pluralize.ts",
  "lib/i18n/role-label.ts",
  "lib/i18n/translate-role-name.ts",
  "lib/i18n/with-indefinite-article.ts",
  "lib/invitations/bulk-invitation-schemas.ts",
  "lib/invitations/describe-closed-invitation.ts",
  "lib/invitations/parse-invitation-csv.ts",
  "lib/invitations/invitation-dto.ts",
  "lib/invitations/invitation-filters.ts",
  "lib/invitations/languages.ts",
  "lib/invitations/schemas.ts",
  "lib/invitations/status.ts",
  "lib/invitations/summarize-invite-results.ts",
  "lib/invitations/tally-bulk-outcomes.ts",
  "lib/join-requests/join-request-dto.ts",
  "lib/join-requests/join-request-rules.ts",
  "lib/invite-links/invite-link-dto.ts",
  "lib/invite-links/invite-link-policy.ts",
  "lib/invite-links/invite-link-schemas.ts",
  "lib/invite-links/invite-link-status.ts",
  "lib/members/member-list-query.ts",
  "lib/rate-limit/recipient-rate-limit-key.ts",
  "lib/teams/team-setting-fields.ts",
  "lib/teams/team-settings-schema.ts",
  "lib/webhooks/sign-webhook.ts",
  "lib/webhooks/webhook-dto.ts",
  "lib/webhooks/webhook-endpoint-schema.ts",
  "lib/webhooks/webhook-events.ts",
  "lib/webhooks/webhook-retry-schedule.ts",
  "lib/webhooks/webhook-target.ts",
]);

// A module reaching the database, the environment (and so the secrets), the session or request
// headers must never be bundled for the browser.
const SERVER_IMPORTS = [/from "@\/lib\/db"/, /from "@\/lib\/env"/, /from "next-auth/, /from "next\/headers"/];

function modulesIn(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return modulesIn(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const isServerOnly = (path: string) => readFileSync(path, "utf8").split("\n")[0] === 'import "server-only";';

/** The modules a module imports at run time (type-only imports left out), as files. */
function runtimeImports(path: string): string[] {
  const specifiers = [...readFileSync(path, "utf8").matchAll(/^import (?!type )[^;]*?from "([^"]+)"/gms)].map(
    (m) => m[1]!,
  );
  return specifiers.flatMap((spec) => {
    const base = spec.startsWith("@/") ? spec.slice(2) : spec.startsWith(".") ? join(dirname(path), spec) : null;
    const file =
      base && [".ts", ".tsx", "/index.ts"].map((ext) => base + ext).find((candidate) => existsSync(candidate));
    return file ? [file] : [];
  });
}

const touchesServer = (path: string) =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.startsWith("import ") && !line.startsWith("import type "))
    .some((line) => SERVER_IMPORTS.some((pattern) => pattern.test(line)));

describe("server-only modules", () => {
  // Every lib folder with a module that touches the database, environment, session or headers.
  const folders = [
    ...new Set(
      modulesIn("lib")
        .filter((path) => !path.startsWith("lib/generated/") && touchesServer(path))
        .map((path) => path.split("/").slice(0, 2).join("/")),
    ),
  ];
  const modules = folders.flatMap(modulesIn).filter((path) => !PURE.has(path));

  it("cover every folder that touches the server's resources", () => {
    expect(folders).toEqual(expect.arrayContaining(["lib/api", "lib/api-keys", "lib/auth", "lib/db", "lib/email"]));
  });

  it.each(modules)('%s starts with import "server-only"', (path) => {
    expect(readFileSync(path, "utf8").split("\n")[0]).toBe('import "server-only";');
  });

  it.each([...PURE])("%s exists, is not server-only and imports nothing that is", (path) => {
    expect(existsSync(path)).toBe(true);
    expect(isServerOnly(path)).toBe(false);
    expect(runtimeImports(path).filter(isServerOnly)).toEqual([]);
  });
});

describe("modules that touch the database, environment or session", () => {
  const touching = modulesIn("lib")
    .filter((path) => !path.startsWith("lib/generated/"))
    .filter(touchesServer);

  it("are found (the scan works)", () => {
    expect(touching.length).toBeGreaterThan(50);
  });

  it.each(touching)('%s starts with import "server-only"', (path) => {
    expect(readFileSync(path, "utf8").split("\n")[0]).toBe('import "server-only";');
  });
});
