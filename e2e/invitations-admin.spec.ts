import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { openInviteDialog, signIn, uniqueEmail } from "./helpers";

const INVITATIONS = "/teams/acme/settings/invitations";

async function inviteAddresses(page: Page, emails: string[], role = "Member") {
  const dialog = await openInviteDialog(page);
  await dialog.getByLabel("Email addresses").fill(emails.join("\n"));
  await expect(dialog.getByRole("list", { name: "Address check" }).getByText("Will be invited")).toHaveCount(emails.length);
  await dialog.getByRole("combobox", { name: "Role" }).click();
  await page.getByRole("option", { name: role, exact: true }).click();
  await dialog.getByRole("button", { name: /Send invitations/ }).click();
  return dialog;
}

test.beforeEach(async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, "admin@acme.test", undefined, INVITATIONS);
});

test("invite two addresses, see the count and the new rows", async ({ page }) => {
  const emails = [uniqueEmail("ada"), uniqueEmail("grace")];
  const dialog = await inviteAddresses(page, emails);
  await expect(dialog.getByText("2 invitations sent")).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();
  for (const email of emails) {
    const row = page.getByRole("row").filter({ hasText: email });
    await expect(row).toBeVisible();
    await expect(row.getByText("Pending")).toBeVisible();
  }
});

test("the invite dialog previews each address before sending", async ({ page }) => {
  const dialog = await openInviteDialog(page);
  const fresh = uniqueEmail("fresh");
  await dialog.getByLabel("Email addresses").fill(`${fresh}\nnot-an-email\nmember@acme.test\n${fresh}`);
  const preview = dialog.getByRole("list", { name: "Address check" });
  await expect(preview.getByText("Will be invited")).toHaveCount(1);
  await expect(preview.getByText("Invalid")).toHaveCount(1);
  await expect(preview.getByText("Already a member")).toHaveCount(1);
  await expect(preview.getByText("Duplicate")).toHaveCount(1);
});

test("sort by Email and by Expires both ways, state in the URL", async ({ page }) => {
  await inviteAddresses(page, [uniqueEmail("aaa-sort"), uniqueEmail("zzz-sort")]);
  await page.getByRole("button", { name: "Done" }).click();

  const emailHeader = page.getByRole("columnheader", { name: /Email/ });
  await emailHeader.getByRole("button").click();
  await expect(page).toHaveURL(/sort=email&order=asc/);
  await expect(emailHeader).toHaveAttribute("aria-sort", "ascending");
  const ascending = await page.getByRole("row").locator("td:first-child").allInnerTexts();
  expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b)));

  await emailHeader.getByRole("button").click();
  await expect(emailHeader).toHaveAttribute("aria-sort", "descending");
  await expect(page).toHaveURL(/sort=email&order=desc/);
  const descending = await page.getByRole("row").locator("td:first-child").allInnerTexts();
  expect(descending).toEqual([...descending].sort((a, b) => b.localeCompare(a)));

  const expiresHeader = page.getByRole("columnheader", { name: /Expires/ });
  await expiresHeader.getByRole("button").click();
  await expect(expiresHeader).toHaveAttribute("aria-sort", "ascending");
  await expiresHeader.getByRole("button").click();
  await expect(expiresHeader).toHaveAttribute("aria-sort", "descending");
  await page.reload();
  await expect(page.getByRole("columnheader", { name: /Expires/ })).toHaveAttribute("aria-sort", "descending");
});

test("filter by status, hide and show a column", async ({ page }) => {
  await inviteAddresses(page, [uniqueEmail("filter")]);
  await page.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Filter by status" }).click();
  await page.getByRole("menuitemcheckbox", { name: "Withdrawn" }).click();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/status=WITHDRAWN/);
  const statuses = page.getByRole("row").locator("td:nth-child(2)");
  for (const text of await statuses.allInnerTexts()) expect(text).toMatch(/Withdrawn|No invitations match/);

  await page.getByRole("button", { name: "Columns" }).click();
  await page.getByRole("menuitemcheckbox", { name: "Invited by" }).click();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("columnheader", { name: /Invited by/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Columns" }).click();
  await page.getByRole("menuitemcheckbox", { name: "Invited by" }).click();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("columnheader", { name: /Invited by/ })).toBeVisible();
});

test("copy a link, open it elsewhere, withdraw it and see it die, then delete", async ({ page, browser }) => {
  const email = uniqueEmail("copy");
  await inviteAddresses(page, [email]);
  await page.getByRole("button", { name: "Done" }).click();

  await page.getByRole("button", { name: `Actions for ${email}` }).click();
  await page.getByRole("menuitem", { name: "Copy link" }).click();
  await expect(page.getByText("Link copied")).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/invite\/tgi_[A-Za-z0-9_-]{43}$/);

  const invitee = await browser.newContext();
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(link);
  await expect(inviteePage.getByRole("heading", { name: /invited you to join Acme/ })).toBeVisible();

  await page.getByRole("button", { name: `Actions for ${email}` }).click();
  await page.getByRole("menuitem", { name: "Withdraw" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText(`Withdraw the invitation to ${email}?`);
  await confirm.getByRole("button", { name: "Withdraw" }).click();
  await expect(page.getByRole("row").filter({ hasText: email }).getByText("Withdrawn")).toBeVisible();

  await inviteePage.reload();
  await expect(inviteePage.getByRole("heading", { name: "This invitation was withdrawn" })).toBeVisible();
  await expect(inviteePage.getByRole("button", { name: "Accept" })).toHaveCount(0);
  await invitee.close();

  await page.getByRole("button", { name: `Actions for ${email}` }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("row").filter({ hasText: email })).toHaveCount(0);
});

test("details show the invitation and its history", async ({ page }) => {
  const email = uniqueEmail("details");
  await inviteAddresses(page, [email]);
  await page.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: `Actions for ${email}` }).click();
  await page.getByRole("menuitem", { name: "View details" }).click();
  const dialog = page.getByRole("dialog", { name: "Invitation details" });
  await expect(dialog.getByText("Invitation ID")).toBeVisible();
  await expect(dialog.getByText("Invited", { exact: true })).toBeVisible();
  await expect(dialog.getByText("Adam Admin (admin@acme.test)")).toBeVisible();

  await dialog.getByRole("combobox", { name: "Role" }).click();
  await page.getByRole("option", { name: "Admin", exact: true }).click();
  await dialog.getByRole("combobox", { name: "Email language" }).click();
  await page.getByRole("option", { name: "Français" }).click();
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Invitation updated; its link stays the same")).toBeVisible();
  // The table behind has refreshed with the new role, and the dialog stayed open through it.
  // (The modal hides the page from the accessibility tree, hence CSS locators.)
  await expect(page.locator("tbody tr").filter({ hasText: email }).locator("td").nth(2)).toHaveText("Admin");
  await expect(dialog.getByText("Edited", { exact: true })).toBeVisible();
  await expect(dialog.getByRole("definition").filter({ hasText: "Français" })).toBeVisible();
});

test("the invitations page has no serious accessibility violations", async ({ page }) => {
  await inviteAddresses(page, [uniqueEmail("a11y")]);
  await page.getByRole("button", { name: "Done" }).click();
  // The success toast is part of what is checked: its colors once failed contrast.
  await expect(page.locator('[data-sonner-toast][data-type="success"][data-mounted="true"]')).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(" ") + " " + (n.failureSummary ?? "")).join(" | ")}`)).toEqual([]);
  await openInviteDialog(page);
  const dialogResults = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(dialogResults.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
});
