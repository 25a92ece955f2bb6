import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { SEED_PASSWORD, inviteThroughUi, signIn, signUpThroughLink, uniqueEmail } from "./helpers";

// What the README's servers print while someone is invited, opens the link and signs up: no
// password, invitation token or link may appear, in development (`npm run dev`, whose request
// and server-function logs did print them) or production (`npm start`). Each test starts its own
// server on its own port and fresh PGlite database, and reads everything it writes.
const port = Number(process.env.E2E_PORT ?? 3100) + 2;
const origin = `http://localhost:${port}`;
const dataDir = `.data/log-test-pglite-${port}`;
const password = "log-test-password-Zq7x";

test.describe.configure({ mode: "serial" });
test.use({ baseURL: origin });

function serverEnv(extra: Record<string, string>) {
  const env: Record<string, string | undefined> = { ...process.env, PORT: String(port), PGLITE_DATA_DIR: dataDir, APP_URL: origin, RESEND_API_KEY: "", NEXT_TELEMETRY_DISABLED: "1" };
  // The README's embedded database, on every interface, in the Next.js mode each script chooses.
  for (const name of ["DATABASE_URL", "HOSTNAME", "NODE_ENV"]) delete env[name];
  return { ...env, ...extra } as NodeJS.ProcessEnv;
}

/** Starts `npm run <script>` in its own process group, recording all it prints. */
function startServer(script: string, env: NodeJS.ProcessEnv) {
  const child = spawn("npm", ["run", script], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const output = { text: "" };
  child.stdout!.on("data", (chunk: Buffer) => (output.text += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output.text += chunk.toString()));
  return { child, output };
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
}

async function waitForSignInPage(output: { text: string }, child: ChildProcess) {
  await expect(async () => {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output.text}`);
    const response = await fetch(`${origin}/sign-in`);
    expect(response.status).toBe(200);
  }).toPass({ timeout: 300_000, intervals: [1000] });
}

/** Invites a new address as Acme's owner, opens the link and signs up with `password`; returns the link. */
async function inviteAndSignUp(page: Page, browser: import("@playwright/test").Browser) {
  await signIn(page, "owner@acme.test");
  const link = await inviteThroughUi(page, [uniqueEmail("log-test")]);
  expect(link).toMatch(/\/invite\/tgi_/);
  const invitee = await browser.newContext({ baseURL: origin });
  await signUpThroughLink(await invitee.newPage(), link!, "Logged Nobody", password);
  await invitee.close();
  return link!;
}

function expectNoSecrets(log: string, link: string) {
  const token = link.slice(link.indexOf("tgi_"));
  expect(log.length).toBeGreaterThan(0);
  for (const secret of [password, SEED_PASSWORD, token, token.slice(4), link]) expect(log).not.toContain(secret);
  expect(log).not.toContain("tgi_");
  expect(log).not.toMatch(/signUpAndAcceptAction\(/);
}

test.beforeEach(() => rmSync(dataDir, { recursive: true, force: true }));
test.afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

test("npm run dev prints no password, token or invitation link, and no repeated warnings", async ({ page, browser }) => {
  test.setTimeout(600_000);
  const { child, output } = startServer("dev", serverEnv({}));
  try {
    await waitForSignInPage(output, child);
    const link = await inviteAndSignUp(page, browser);
    // Requests the invitee's browser made are logged when they end; give the last ones a moment.
    await page.waitForTimeout(1000);
    expectNoSecrets(output.text, link);
    // The Edge compiler used to warn about instrumentation's process.exit on every compile.
    expect(output.text).not.toContain("Edge Runtime");
    const warnings = output.text.split("\n").filter((line) => line.includes("⚠"));
    expect(warnings.filter((line, index) => warnings.indexOf(line) !== index)).toEqual([]);
  } finally {
    await stopServer(child);
  }
});

test("npm start prints no password, token or invitation link", async ({ page, browser }) => {
  test.setTimeout(300_000);
  // The production server never seeds; seed the throwaway database as `npm run dev` would.
  const seeded = spawnSync("node", ["scripts/db.mjs", "prepare", "--seed"], { env: serverEnv({}), encoding: "utf8" });
  expect(seeded.status, seeded.stderr).toBe(0);
  const { child, output } = startServer("start", serverEnv({ NODE_ENV: "production", AUTH_SECRET: "log-test-secret-log-test-secret-log-test", WEB_CONCURRENCY: "1" }));
  try {
    await waitForSignInPage(output, child);
    const link = await inviteAndSignUp(page, browser);
    await page.waitForTimeout(1000);
    expectNoSecrets(output.text, link);
  } finally {
    await stopServer(child);
  }
});
