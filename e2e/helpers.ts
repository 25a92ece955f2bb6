import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const SEED_PASSWORD = "teamgate-dev-password";

export async function signIn(page: Page, email: string, password = SEED_PASSWORD, callbackUrl = "/") {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** A unique address per test run so parallel tests never collide. */
export function uniqueEmail(label: string, domain = "example.com") {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@${domain}`;
}

/** Opens the invite dialog; retried because a click can land before the page has hydrated. */
export async function openInviteDialog(page: Page) {
  const dialog = page.getByRole("dialog", { name: "Invite users" });
  await expect(async () => {
    if (!(await dialog.isVisible())) await page.getByRole("button", { name: "Invite users" }).first().click();
    await expect(dialog).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  return dialog;
}

/** Invites addresses through the admin UI (signed in as the page's user) and closes the dialog. */
export async function inviteThroughUi(
  page: Page,
  emails: string[],
  options: { role?: string; language?: string; team?: string } = {},
) {
  await page.goto(`/teams/${options.team ?? "acme"}/settings/invitations`);
  const dialog = await openInviteDialog(page);
  await dialog.getByLabel("Email addresses").fill(emails.join("\n"));
  if (options.role) {
    await dialog.getByRole("combobox", { name: "Role" }).click();
    await page.getByRole("option", { name: options.role, exact: true }).click();
  }
  if (options.language) {
    await dialog.getByRole("combobox", { name: "Email language" }).click();
    await page.getByRole("option", { name: options.language, exact: true }).click();
  }
  await dialog.getByRole("button", { name: /Send invitations/ }).click();
  await expect(dialog.getByText(/invitations? sent/)).toBeVisible();
  const link = emails.length === 1 ? await dialog.getByLabel("Invitation link").inputValue() : null;
  await dialog.getByRole("button", { name: "Done" }).click();
  return link;
}

/** Signs up through an invitation link (no account yet for its address) and lands in the team. */
export async function signUpThroughLink(
  page: Page,
  link: string,
  name = "Invited Person",
  password = "a-long-enough-password",
) {
  await page.goto(link);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(/joined=new/);
}

/** Opens a row's actions menu; retried because a click can land before the table has hydrated. */
export async function openRowMenu(page: Page, email: string) {
  const trigger = page.getByRole("button", { name: `Actions for ${email}` });
  await expect(async () => {
    if ((await page.getByRole("menu").count()) === 0) await trigger.click();
    await expect(page.getByRole("menu")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  return page.getByRole("menu");
}

/** The time a row's Expires cell points at (pending and expired rows show one). */
export async function expiryTimes(page: Page) {
  return page
    .locator("tbody tr td:nth-child(8) time")
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("datetime") ?? ""));
}

/**
 * Direct SQL against the e2e server's database, for states only time can make (an expired
 * invitation) or no UI can (a member who still holds a pending invitation). Only on
 * PostgreSQL: PGlite lives inside the server process and accepts no second connection.
 */
export const databaseReachable = !!process.env.TEST_DATABASE_URL;

export async function runSqlWhereInvited(email: string, sql: string) {
  const { default: pg } = await import("pg");
  const server = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await server.connect();
  // Other runs may have e2e databases on the same server: ours is the one holding this address.
  const { rows } = await server.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'teamgate_e2e_%'",
  );
  await server.end();
  for (const { datname } of rows) {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${datname}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      const found = await client
        .query(`SELECT 1 FROM "Invitation" WHERE "emailCanonical" = $1`, [email.toLowerCase()])
        .catch(() => ({ rowCount: 0 }));
      if (found.rowCount) {
        await client.query(sql, [email.toLowerCase()]);
        return;
      }
    } finally {
      await client.end();
    }
  }
  throw new Error(`No e2e database holds an invitation for ${email}`);
}

/** No serious or critical axe violation on the page as it stands. */
export async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** The plain text of the newest dev-mailbox message to `to` whose subject matches, retried while the outbox sends it. */
export async function readMail(page: Page, to: string, subject: RegExp) {
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await page
      .getByRole("row")
      .filter({ hasText: to })
      .getByRole("link", { name: subject })
      .first()
      .click({ timeout: 1000 });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await page.getByText("Plain-text version").click();
  return (await page.locator("pre").innerText()).replace(/\u200B/g, "");
}
