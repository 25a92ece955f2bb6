import { spawnSync } from "node:child_process";
import { addStoredSession, expect, test } from "./fixtures";
import { signIn } from "./helpers";

test("the owner signs in and reaches Settings → Team", async ({ page }) => {
  await addStoredSession(page.context(), "owner@acme.test");
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /Welcome, Olivia Owner/ })).toBeVisible();
  await page.getByRole("banner").getByRole("link", { name: "Settings for Acme" }).click();
  const nav = page.getByRole("navigation", { name: "Team settings" });
  for (const name of ["Members", "Invitations", "Roles & Permissions", "Domains"]) {
    await expect(nav.getByRole("link", { name })).toBeVisible();
  }
  await nav.getByRole("link", { name: "Invitations" }).click();
  await expect(page.getByRole("heading", { name: "Invitations", exact: true })).toBeVisible();
});

test("a member without members.manage gets the 403 page on Invitations", async ({ page }) => {
  await addStoredSession(page.context(), "member@acme.test");
  await page.goto("/");
  const response = await page.goto("/teams/acme/settings/invitations");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access" })).toBeVisible();
  await page.goto("/teams/acme/settings/members");
  const nav = page.getByRole("navigation", { name: "Team settings" });
  await expect(nav.getByRole("link", { name: "Members" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Invitations" })).toHaveCount(0);
});

test("a signed-out visitor is sent to sign in and comes back", async ({ page }) => {
  await page.goto("/teams/acme/settings/members");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fteams%2Facme%2Fsettings%2Fmembers/);
  await page.getByLabel("Email").fill("admin@acme.test");
  await page.getByLabel("Password").fill("teamgate-dev-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/teams\/acme\/settings\/members$/);
  await expect(page.getByRole("cell", { name: "owner@acme.test" })).toBeVisible();
});

test("another team's settings answer not found", async ({ page }) => {
  await addStoredSession(page.context(), "owner@globex.test");
  await page.goto("/");
  const response = await page.goto("/teams/acme/settings/members");
  expect(response?.status()).toBe(404);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("owner@acme.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password don't match an account.")).toBeVisible();
});

test("sign-in never redirects off-site", async ({ page }) => {
  await signIn(page, "owner@acme.test", undefined, "//evil.example/steal");
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
});

test("a production server with a missing setting stops at start-up and names it", () => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    AUTH_SECRET: "",
    APP_URL: "",
    PGLITE_DATA_DIR: ".data/e2e-env-check",
    WEB_CONCURRENCY: "1",
  };
  delete env.DATABASE_URL;
  const started = spawnSync("node", ["scripts/start-server.mjs", "-p", "3999", "-H", "127.0.0.1"], {
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(started.status).toBe(1);
  expect(started.stderr).toContain("AUTH_SECRET: is required in production");
  expect(started.stderr).toContain("APP_URL: is required in production");
});

test("a clustered server whose workers cannot start stops instead of restarting them forever", () => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    AUTH_SECRET: "",
    DATABASE_URL: "postgresql://127.0.0.1:1/unused",
    WEB_CONCURRENCY: "2",
  };
  const started = spawnSync("node", ["scripts/start-server.mjs", "-p", "3998", "-H", "127.0.0.1"], {
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(started.status).toBe(1);
  expect(started.stderr).toContain("AUTH_SECRET: is required in production");
  expect(started.stderr.match(/exited \(1\) while starting; stopping the server/g)?.length).toBeGreaterThanOrEqual(1);
  expect(started.stderr).not.toContain("starting another");
});
