import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";
import { decideChromium } from "./scripts/decide-chromium.mjs";

// `npm test` has already found or installed Chromium (scripts/test.mjs); run directly, this
// fails at once with the command to run rather than installing anything.
const chromium = decideChromium({
  configuredPath: process.env.CHROMIUM_PATH || undefined,
  exists: existsSync,
  isRoot: false,
  hasAptGet: true,
});
if (chromium.action === "fail") throw new Error(chromium.message);
const chromiumPath = chromium.path;

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  // Two server instances exist only on PostgreSQL (PGlite serves one process).
  testIgnore: process.env.TEST_DATABASE_URL ? [] : ["two-instances.spec.ts"],
  outputDir: "test-results",
  fullyParallel: false,
  workers: 2,
  // These 2-core machines are shared: a test that fails once and then passes is reported as flaky
  // (the list reporter names it), not hidden; one that fails twice fails the run.
  retries: 1,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-gpu",
      ],
    },
  },
  projects: [
    // Signs each seed user in once and stores the session for the specs (e2e/fixtures.ts).
    { name: "setup", testMatch: /\.setup\.ts$/, use: { ...devices["Desktop Chrome"], channel: undefined } },
    { name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined }, dependencies: ["setup"] },
  ],
  webServer: {
    command: `node scripts/e2e-server.mjs`,
    url: `${baseURL}/sign-in`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(port) },
    // The server drops its PostgreSQL database on SIGTERM; Playwright's default SIGKILL would leave it behind.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
