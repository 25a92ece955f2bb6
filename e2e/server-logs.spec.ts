import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { SEED_PASSWORD, uniqueEmail } from "./helpers";

// What the README's servers print while someone is invited, opens the link and signs up, then
// resets the password from the emailed link: no password, invitation or reset token or link may appear, in development (`npm run dev`, whose request
// and server-function logs did print them) or production (`npm start`). Each test starts its own
// server on its own port and fresh PGlite database, and reads everything it writes.
// PORT when set (the port `npm run dev` would use), else one past the e2e servers' two.
const port = Number(process.env.PORT || Number(process.env.E2E_PORT ?? 3100) + 2);
const origin = `http://localhost:${port}`;
const dataDir = `.data/log-test-pglite-${port}`;
const password = "log-test-password-Zq7x";

test.describe.configure({ mode: "serial" });
let lastOutput: { text: string } | undefined;
test.use({ baseURL: origin });

function serverEnv(extra: Record<string, string>) {
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    PGLITE_DATA_DIR: dataDir,
    APP_URL: origin,
    RESEND_API_KEY: "",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // The README's embedded database, on every interface, in the Next.js mode each script chooses.
  for (const name of ["DATABASE_URL", "HOSTNAME", "NODE_ENV"]) delete env[name];
  return { ...env, ...extra } as NodeJS.ProcessEnv;
}

/** Starts `npm run <script>` in its own process group, recording all it prints. */
function startServer(script: string, env: NodeJS.ProcessEnv) {
  const child = spawn("npm", ["run", script], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const output = { text: "" };
  lastOutput = output;
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

// Every route the flow below visits, requested once first: the development server compiles each on
// its first request, which on a busy machine takes longer than the flow's expectations wait.
const routes = [
  "/sign-in",
  "/api/auth/providers",
  "/api/auth/csrf",
  "/",
  "/teams/acme",
  "/teams/acme/settings/invitations",
  "/invite/tgi_warm-up",
  "/forgot-password",
  "/dev/mailbox",
  "/reset-password/tgr_warm-up",
];

async function waitForServer(output: { text: string }, child: ChildProcess) {
  await expect(async () => {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output.text}`);
    const response = await fetch(`${origin}/sign-in`);
    expect(response.status).toBe(200);
  }).toPass({ timeout: 300_000, intervals: [1000] });
  for (const route of routes) await fetch(`${origin}${route}`, { redirect: "manual" });
}

// A development server compiles each route, action and client chunk on first use, so every wait
// here allows for that on a busy machine.
const slow = expect.configure({ timeout: 180_000 });

/** Invites a new address as Acme's owner, opens the link and signs up with `password`; returns the link and the address. */
async function inviteAndSignUp(page: Page, browser: Browser) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("owner@acme.test");
  await page.getByLabel("Password").fill(SEED_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await slow(page).not.toHaveURL(/\/sign-in/);

  await page.goto("/teams/acme/settings/invitations");
  const dialog = page.getByRole("dialog", { name: "Invite users" });
  await slow(async () => {
    if (!(await dialog.isVisible())) await page.getByRole("button", { name: "Invite users" }).first().click();
    await expect(dialog).toBeVisible({ timeout: 1000 });
  }).toPass();
  const email = uniqueEmail("log-test");
  await dialog.getByLabel("Email addresses").fill(email);
  await dialog.getByRole("button", { name: /Send invitations/ }).click();
  await slow(dialog.getByText(/invitations? sent/)).toBeVisible();
  const link = await dialog.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/tgi_/);

  const invitee = await browser.newContext({ baseURL: origin });
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(link);
  await inviteePage.getByLabel("Your name").fill("Logged Nobody");
  await inviteePage.getByLabel("Password").fill(password);
  await inviteePage.getByRole("button", { name: "Create account and join" }).click();
  await slow(inviteePage).toHaveURL(/joined=new/);
  await invitee.close();
  return { link, email };
}

const newPassword = "log-test-new-password-Kp4w";

/** The invitee forgets the password: asks for a link, reads it in the local mailbox, sets a new one. Returns the link. */
async function resetPassword(browser: Browser, email: string) {
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await slow(page.getByText(/If an account exists/)).toBeVisible();
  let text = "";
  await slow(async () => {
    await page.goto("/dev/mailbox");
    await page.getByRole("link", { name: "Reset your Teamgate password" }).click({ timeout: 2000 });
    await page.getByText("Plain-text version").click({ timeout: 5000 });
    text = await page.locator("pre").innerText({ timeout: 5000 });
  }).toPass();
  const link = text.match(/http\S+\/reset-password\/tgr_[A-Za-z0-9_-]{43}/)![0];
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Repeat the new password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await slow(page).toHaveURL(/reset=done/);
  await context.close();
  return link;
}

function expectNoSecrets(log: string, link: string, resetLink: string) {
  const token = link.slice(link.indexOf("tgi_"));
  const resetToken = resetLink.slice(resetLink.indexOf("tgr_"));
  expect(log.length).toBeGreaterThan(0);
  for (const secret of [
    password,
    newPassword,
    SEED_PASSWORD,
    token,
    token.slice(4),
    link,
    resetToken,
    resetToken.slice(4),
    resetLink,
  ]) {
    expect(log).not.toContain(secret);
  }
  expect(log).not.toContain("tgi_");
  expect(log).not.toContain("tgr_");
  expect(log).not.toMatch(/signUpAndAcceptAction\(|resetPasswordAction\(/);
}

test.beforeEach(() => rmSync(dataDir, { recursive: true, force: true }));
test.afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

test.afterEach(async ({}, testInfo) => {
  if (lastOutput) await testInfo.attach("server output", { body: lastOutput.text, contentType: "text/plain" });
  lastOutput = undefined;
});

test("npm run dev prints no password, token or invitation link, and no repeated warnings", async ({
  page,
  browser,
}) => {
  test.setTimeout(600_000);
  const { child, output } = startServer("dev", serverEnv({}));
  try {
    await waitForServer(output, child);
    const { link, email } = await inviteAndSignUp(page, browser);
    const resetLink = await resetPassword(browser, email);
    // Requests the invitee's browser made are logged when they end; give the last ones a moment.
    await page.waitForTimeout(1000);
    expectNoSecrets(output.text, link, resetLink);
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
  const { child, output } = startServer(
    "start",
    serverEnv({
      NODE_ENV: "production",
      AUTH_SECRET: "log-test-secret-log-test-secret-log-test",
      WEB_CONCURRENCY: "1",
      DEV_MAILBOX: "on",
    }),
  );
  try {
    await waitForServer(output, child);
    const { link, email } = await inviteAndSignUp(page, browser);
    const resetLink = await resetPassword(browser, email);
    await page.waitForTimeout(1000);
    expectNoSecrets(output.text, link, resetLink);
  } finally {
    await stopServer(child);
  }
});

test("npm start refuses server actions the invitation page does not hold with a clear 4xx, and logs nothing", async () => {
  test.setTimeout(300_000);
  const seeded = spawnSync("node", ["scripts/db.mjs", "prepare", "--seed"], { env: serverEnv({}), encoding: "utf8" });
  expect(seeded.status, seeded.stderr).toBe(0);
  const { child, output } = startServer(
    "start",
    serverEnv({
      NODE_ENV: "production",
      AUTH_SECRET: "log-test-secret-log-test-secret-log-test",
      WEB_CONCURRENCY: "1",
    }),
  );
  try {
    await waitForServer(output, child);
    const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
      node: Record<string, { exportedName: string }>;
    };
    const actionId = (name: string) =>
      Object.entries(manifest.node).find(([, action]) => action.exportedName === name)![0];
    const token = `tgi_${"B".repeat(43)}`;
    const post = (id: string) =>
      fetch(`${origin}/invite/${token}`, {
        method: "POST",
        headers: {
          "Next-Action": id,
          "Content-Type": "text/plain;charset=UTF-8",
          Accept: "text/x-component",
          Origin: origin,
        },
        body: JSON.stringify([{ token, name: "x".repeat(20_000) }]),
      });
    const before = output.text.length;
    // An id no build has, one of another page's actions (Next.js would forward it to that page), and garbage.
    for (const [id, status] of [
      ["40" + "de".repeat(20), 409],
      [actionId("createApiKeyAction"), 409],
      [actionId("inviteMembersAction"), 409],
      ["not-an-action", 400],
    ] as const) {
      const response = await post(id);
      expect({ id, status: response.status, notFound: response.headers.get("x-nextjs-action-not-found") }).toEqual({
        id,
        status,
        notFound: "1",
      });
    }
    // The page's own action still runs.
    expect((await post(actionId("requestRenewalAction"))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const log = output.text.slice(before);
    expect(log).not.toContain("uncaughtException");
    expect(log).not.toContain("aborted");
    expect(log).not.toContain("Failed to find Server Action");
  } finally {
    await stopServer(child);
  }
});
