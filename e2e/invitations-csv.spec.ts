import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { openInviteDialog, uniqueEmail } from "./helpers";

// Issue #18 items 4 and 5: a personal message in the invite dialog, and CSV import and export
// on the invitations page. Screenshots of the new screens go to e2e/screenshots/ (ignored by git).

const INVITATIONS = "/teams/acme/settings/invitations";

test.use({ signedInAs: "admin@acme.test" });

async function shot(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
  await page.screenshot({ path: `e2e/screenshots/${name}.png` });
}

test("the personal message reaches the invitee's email and the invitation page, as text without links", async ({
  page,
  browser,
}) => {
  test.slow();
  const email = uniqueEmail("message");
  await page.goto(INVITATIONS);
  const dialog = await openInviteDialog(page);
  await dialog.getByLabel("Email addresses").fill(email);
  await dialog.getByLabel("Personal message (optional)").fill("Welcome aboard! Our wiki: wiki.example.org");
  await expect(dialog.getByText("42/500")).toBeVisible();
  await dialog.getByRole("button", { name: /Send invitations/ }).click();
  await expect(dialog.getByText("1 invitation sent")).toBeVisible();
  const link = await dialog.getByLabel("Invitation link").inputValue();

  const row = page.getByRole("row").filter({ hasText: email });
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await expect(row).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await row.getByRole("link").click();
  await page.getByText("Plain-text version").click();
  const text = await page.locator("pre").innerText();
  expect(text).toContain("wrote:");
  expect(text).toContain("Welcome aboard! Our wiki:");
  // The domain is broken up so mail clients do not turn it into a link.
  expect(text).not.toContain("wiki.example.org");

  const invitee = await browser.newContext();
  const invitePage = await invitee.newPage();
  await invitePage.goto(link);
  const message = invitePage.getByTestId("invitation-message");
  await expect(message).toHaveText("Welcome aboard! Our wiki: wiki.example.org");
  await expect(message.locator("a")).toHaveCount(0);
  await shot(invitePage, "light-invite-page-message-1280");
  await invitePage.setViewportSize({ width: 375, height: 800 });
  await shot(invitePage, "light-invite-page-message-375");
  await invitee.close();
});

test("a CSV is previewed, imported in the background with per-row results, and the filtered table exports as CSV", async ({
  page,
}) => {
  test.slow();
  const tag = `csv${Date.now().toString(36)}`;
  const first = `${tag}-ada@example.com`;
  const second = `${tag}-grace@example.com`;
  const csv = [
    "email,role,groups,language",
    `${first},member,,fr`,
    `${second},,,`,
    "not-an-address,member,,",
    "member@acme.test,member,,",
  ].join("\n");

  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(INVITATIONS);
    const dialog = page.getByRole("dialog", { name: "Import invitations from CSV" });
    await expect(async () => {
      if (!(await dialog.isVisible())) await page.getByRole("button", { name: "Import CSV" }).first().click();
      await expect(dialog).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await dialog
      .getByLabel("CSV file")
      .setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    const check = dialog.getByRole("list", { name: "Rows check" });
    await expect(check.getByText("Will be invited")).toHaveCount(2);
    await expect(check.getByText("Already a member")).toBeVisible();
    await expect(dialog.getByText("4 rows: 2 will be invited, 1 invalid, 1 already a member")).toBeVisible();
    const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(scrolls).toBe(false);
    await shot(page, `light-import-dialog-${width}`);
    if (width === 375) {
      await dialog.getByRole("button", { name: "Start import (2)" }).click();
      break;
    }
    await page.keyboard.press("Escape");
  }

  await expect(page).toHaveURL(/\/settings\/invitations\/imports\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("import-status")).toHaveText("Finished", { timeout: 30_000 });
  await expect(page.getByTestId("import-counts")).toHaveText("4 of 4 rows processed: 2 invited, 2 skipped");
  // At phone width the result sits under the address (the desktop column is hidden).
  const visibleResult = (email: string, label: string) =>
    page.getByRole("row").filter({ hasText: email }).getByText(label, { exact: true }).filter({ visible: true });
  await expect(visibleResult(first, "Invited")).toHaveCount(1);
  await expect(visibleResult("not-an-address", "Invalid")).toHaveCount(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
  await shot(page, "light-import-results-375");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole("link", { name: "Skipped only" }).click();
  await expect(page.getByRole("row").filter({ hasText: first })).toHaveCount(0);
  await expect(page.getByRole("row").filter({ hasText: "member@acme.test" })).toBeVisible();
  await expect(visibleResult("member@acme.test", "Already a member")).toHaveCount(1);
  await shot(page, "light-import-results-1280");
  await page.emulateMedia({ colorScheme: "dark" });
  await shot(page, "dark-import-results-1280");
  await page.setViewportSize({ width: 375, height: 800 });
  await shot(page, "dark-import-results-375");
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The table filtered to this import's addresses, sorted by address: the export is those rows, in that order.
  await page.goto(`${INVITATIONS}?q=${tag}&sort=email&order=desc`);
  await expect(page.getByRole("row").filter({ hasText: first })).toBeVisible();
  await shot(page, "light-invitations-export-import-1280");
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
  await shot(page, "light-invitations-export-import-375");
  await page.setViewportSize({ width: 1280, height: 800 });
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^acme-invitations-\d{4}-\d{2}-\d{2}\.csv$/);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const lines = Buffer.concat(chunks)
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe("email,role,groups,language,status,inviter,invited_at,expires_at,delivery");
  expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual([second, first]);
  expect(lines[2]).toMatch(new RegExp(`^${first},Member,,fr,pending,admin@acme.test,`));
});
