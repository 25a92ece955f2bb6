import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  databaseReachable,
  expiryTimes,
  openInviteDialog,
  openRowMenu,
  runSqlWhereInvited,
  uniqueEmail,
} from "./helpers";

const INVITATIONS = "/teams/acme/settings/invitations";

async function inviteAddresses(page: Page, emails: string[], role = "Member") {
  const dialog = await openInviteDialog(page);
  await dialog.getByLabel("Email addresses").fill(emails.join("\n"));
  await expect(dialog.getByRole("list", { name: "Address check" }).getByText("Will be invited")).toHaveCount(
    emails.length,
  );
  await dialog.getByRole("combobox", { name: "Role" }).click();
  await page.getByRole("option", { name: role, exact: true }).click();
  await dialog.getByRole("button", { name: /Send invitations/ }).click();
  await expect(dialog.getByText(/invitations? sent/)).toBeVisible();
  return dialog;
}

async function inviteAndClose(page: Page, emails: string[], role = "Member") {
  const dialog = await inviteAddresses(page, emails, role);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
}

const rowOf = (page: Page, email: string) => page.getByRole("row").filter({ hasText: email });
// Data columns by position, counted after the selection checkbox's column.
const column = (page: Page, index: number) => page.locator(`tbody tr td:nth-child(${index + 1})`);
const rangeText = (page: Page) => page.getByText(/^(\d[\d,]*(–\d[\d,]*)? of )?\d[\d,]*\+? invitations?(;.*)?$/);

async function chooseRowAction(page: Page, email: string, item: string) {
  const menu = await openRowMenu(page, email);
  await menu.getByRole("menuitem", { name: item }).click();
}

async function tickFilter(page: Page, filter: string, option: string) {
  await page.getByRole("button", { name: new RegExp(`^Filter by ${filter}`) }).click();
  await page.getByRole("menuitemcheckbox", { name: option, exact: true }).click();
  await page.keyboard.press("Escape");
}

/** Every cell of the column matches, once the table has settled: a filter re-renders it from the server. */
async function expectEveryCell(cells: Locator, pattern: RegExp) {
  await expect
    .poll(async () => {
      const texts = await cells.allInnerTexts();
      return texts.length === 0 ? ["(no rows)"] : texts.filter((text) => !pattern.test(text));
    })
    .toEqual([]);
}

// Initech is seeded for this: no other test invites anyone to it.
test.describe("a team without invitations", () => {
  test.use({ signedInAs: "owner@globex.test" });

  test("shows the empty state, and the preview flags addresses outside the allowed domains", async ({ page }) => {
    await page.goto("/teams/initech/settings/invitations");
    await expect(page.getByText("No invitations yet")).toBeVisible();
    await expect(page.getByText("Invite people by email; they join with the role you choose.")).toBeVisible();

    await page.goto("/teams/initech/settings/domains");
    await page.getByRole("textbox", { name: "Allowed email domains" }).fill("example.com");
    await page.getByRole("button", { name: "Save domains" }).click();
    await expect(page.getByText("Invitations are limited to 1 domain")).toBeVisible();
    try {
      await page.goto("/teams/initech/settings/invitations");
      const dialog = await openInviteDialog(page);
      await expect(dialog.getByText("Allowed domains: example.com.")).toBeVisible();
      await dialog
        .getByLabel("Email addresses")
        .fill(`${uniqueEmail("outside", "elsewhere.org")}\n${uniqueEmail("inside")}`);
      const preview = dialog.getByRole("list", { name: "Address check" });
      await expect(preview.getByText("Domain not allowed")).toHaveCount(1);
      await expect(preview.getByText("Will be invited")).toHaveCount(1);
      await expect(dialog.getByText("2 addresses: 1 domain not allowed, 1 will be invited")).toBeVisible();
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await expect(page.getByText("No invitations yet")).toBeVisible();
    } finally {
      await page.goto("/teams/initech/settings/domains");
      await page.getByRole("textbox", { name: "Allowed email domains" }).fill("");
      await page.getByRole("button", { name: "Save domains" }).click();
      await expect(page.getByText("Invitations may go to any domain")).toBeVisible();
    }
  });
});

test.describe("as Acme's admin", () => {
  test.use({ signedInAs: "admin@acme.test" });

  test.beforeEach(async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(INVITATIONS);
  });

  test("invite two addresses, see the count and the new rows", async ({ page }) => {
    const emails = [uniqueEmail("ada"), uniqueEmail("grace")];
    const dialog = await inviteAddresses(page, emails);
    await expect(dialog.getByText("2 invitations sent")).toBeVisible();
    await dialog.getByRole("button", { name: "Done" }).click();
    for (const email of emails) {
      const row = rowOf(page, email);
      await expect(row).toBeVisible();
      await expect(row.getByText("Pending")).toBeVisible();
    }
  });

  test("reopening the invite dialog after Done, Cancel or Escape starts from an empty form", async ({ page }) => {
    const dialog = await inviteAddresses(page, [uniqueEmail("reopen")]);
    await expect(dialog.getByLabel("Invitation link")).toBeVisible();
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(dialog).toBeHidden();

    const expectEmptyForm = async () => {
      // Reopen only once the last one has finished closing.
      await expect(page.getByRole("dialog")).toHaveCount(0);
      const reopened = await openInviteDialog(page);
      await expect(reopened.getByLabel("Email addresses")).toHaveValue("");
      await expect(reopened.getByLabel("Invitation link")).toHaveCount(0);
      await expect(reopened.getByText(/invitations? sent/)).toHaveCount(0);
      await expect(reopened.getByRole("list", { name: "Address check" })).toHaveCount(0);
      await expect(reopened.getByRole("button", { name: "Send invitations" })).toBeDisabled();
      return reopened;
    };
    let reopened = await expectEmptyForm();
    await reopened.getByLabel("Email addresses").fill(uniqueEmail("cancelled"));
    await expect(reopened.getByRole("list", { name: "Address check" }).getByText("Will be invited")).toBeVisible();
    await reopened.getByRole("button", { name: "Cancel" }).click();
    reopened = await expectEmptyForm();
    await reopened.getByLabel("Email addresses").fill(uniqueEmail("escaped"));
    await page.keyboard.press("Escape");
    await expectEmptyForm();
  });

  test("a single invitation shows its link; only copying it is recorded as a copy", async ({ page }) => {
    const shownOnly = uniqueEmail("shown");
    await inviteAndClose(page, [shownOnly]);
    await chooseRowAction(page, shownOnly, "View details");
    const details = page.getByRole("dialog", { name: "Invitation details" });
    await details.getByRole("tab", { name: "History" }).click();
    await expect(details.getByText("Invited", { exact: true })).toBeVisible();
    await expect(details.getByText("Link copied")).toHaveCount(0);
    await page.keyboard.press("Escape");

    const copied = uniqueEmail("copied");
    const dialog = await inviteAddresses(page, [copied]);
    const link = await dialog.getByLabel("Invitation link").inputValue();
    await dialog.getByRole("button", { name: "Copy link" }).click();
    await expect(page.getByText("Link copied").first()).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await dialog.getByRole("button", { name: "Done" }).click();
    await chooseRowAction(page, copied, "View details");
    await page.getByRole("dialog", { name: "Invitation details" }).getByRole("tab", { name: "History" }).click();
    await expect(
      page.getByRole("dialog", { name: "Invitation details" }).getByRole("listitem").filter({ hasText: "Link copied" }),
    ).toHaveCount(1);
  });

  test("the invite dialog previews each address, says so politely, and refuses too many", async ({ page }) => {
    const pending = uniqueEmail("pending");
    await inviteAndClose(page, [pending]);
    const dialog = await openInviteDialog(page);
    const fresh = uniqueEmail("fresh");
    await dialog.getByLabel("Email addresses").fill(`${fresh}\nnot-an-email\nmember@acme.test\n${fresh}\n${pending}`);
    const preview = dialog.getByRole("list", { name: "Address check" });
    await expect(preview.getByText("Will be invited")).toHaveCount(1);
    await expect(preview.getByText("Invalid")).toHaveCount(1);
    await expect(preview.getByText("Already a member")).toHaveCount(1);
    await expect(preview.getByText("Duplicate")).toHaveCount(1);
    await expect(preview.getByText("Already invited")).toHaveCount(1);
    const live = dialog.locator('[aria-live="polite"]');
    await expect(live).toHaveText(
      "5 addresses: 1 will be invited, 1 invalid, 1 already a member, 1 duplicate, 1 already invited",
    );

    const many = Array.from({ length: 501 }, (_, i) => `bulk-${i}@example.com`).join("\n");
    await dialog.getByLabel("Email addresses").fill(many);
    await expect(
      dialog.getByRole("alert").filter({ hasText: "At most 500 addresses can be sent at once" }),
    ).toBeVisible();
    await expect(live).toHaveText("More than 500 addresses: 500 will be invited");
    await expect(dialog.getByRole("button", { name: /Send invitations/ })).toBeDisabled();
  });

  test("sort by Email and by Expires both ways, state in the URL", async ({ page }) => {
    await inviteAndClose(page, [uniqueEmail("aaa-sort"), uniqueEmail("zzz-sort")]);

    const emailHeader = page.getByRole("columnheader", { name: /Email/ });
    await emailHeader.getByRole("button").click();
    await expect(page).toHaveURL(/sort=email&order=asc/);
    await expect(emailHeader).toHaveAttribute("aria-sort", "ascending");
    const ascending = await column(page, 1).allInnerTexts();
    expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b)));

    await emailHeader.getByRole("button").click();
    await expect(emailHeader).toHaveAttribute("aria-sort", "descending");
    await expect(page).toHaveURL(/sort=email&order=desc/);
    const descending = await column(page, 1).allInnerTexts();
    expect(descending).toEqual([...descending].sort((a, b) => b.localeCompare(a)));

    const expiresHeader = page.getByRole("columnheader", { name: /Expires/ });
    await expiresHeader.getByRole("button").click();
    await expect(expiresHeader).toHaveAttribute("aria-sort", "ascending");
    await expect(page).toHaveURL(/sort=expiresAt&order=asc/);
    const soonest = await expiryTimes(page);
    expect(soonest.length).toBeGreaterThan(1);
    expect(soonest).toEqual([...soonest].sort());

    await expiresHeader.getByRole("button").click();
    await expect(expiresHeader).toHaveAttribute("aria-sort", "descending");
    const latest = await expiryTimes(page);
    expect(latest.length).toBeGreaterThan(1);
    expect(latest).toEqual([...latest].sort().reverse());
    expect(latest[0]! > soonest[0]!).toBe(true);

    await page.reload();
    await expect(page.getByRole("columnheader", { name: /Expires/ })).toHaveAttribute("aria-sort", "descending");
  });

  test("the Invitation ID column can be shown and sorted", async ({ page }) => {
    await inviteAndClose(page, [uniqueEmail("id-a"), uniqueEmail("id-b")]);
    await page.getByRole("button", { name: "Columns" }).click();
    await page.getByRole("menuitemcheckbox", { name: "Invitation ID" }).click();
    await page.keyboard.press("Escape");
    const idHeader = page.getByRole("columnheader", { name: /Invitation ID/ });
    await idHeader.getByRole("button").click();
    await expect(page).toHaveURL(/sort=id&order=asc/);
    await expect(idHeader).toHaveAttribute("aria-sort", "ascending");
    const ids = await column(page, 9).allInnerTexts();
    expect(ids.length).toBeGreaterThan(1);
    expect(ids).toEqual([...ids].sort());
    await idHeader.getByRole("button").click();
    await expect(idHeader).toHaveAttribute("aria-sort", "descending");
    const reversed = await column(page, 9).allInnerTexts();
    expect(reversed).toEqual([...reversed].sort().reverse());
  });

  test("filter by status, role and inviter; quick ticks add up; hide and show a column", async ({ page }) => {
    test.slow();
    const withdrawn = uniqueEmail("withdrawn");
    const asAdmin = uniqueEmail("role-admin");
    await inviteAndClose(page, [withdrawn]);
    await inviteAndClose(page, [asAdmin], "Admin");
    await chooseRowAction(page, withdrawn, "Withdraw");
    await page.getByRole("alertdialog").getByRole("button", { name: "Withdraw" }).click();
    await expect(rowOf(page, withdrawn).getByText("Withdrawn", { exact: true })).toBeVisible();

    await tickFilter(page, "status", "Withdrawn");
    await expect(page).toHaveURL(/status=WITHDRAWN/);
    await expect(rowOf(page, withdrawn)).toBeVisible();
    await expectEveryCell(column(page, 2), /^Withdrawn$/);

    // Two ticks in a row, the second before the first has come back from the server.
    await page.getByRole("button", { name: "Reset filters" }).click();
    await expect(page).not.toHaveURL(/status=/);
    await page.getByRole("button", { name: /^Filter by status/ }).click();
    await page.getByRole("menuitemcheckbox", { name: "Pending" }).click();
    await page.getByRole("menuitemcheckbox", { name: "Expired" }).click();
    await expect(page).toHaveURL(/status=PENDING(%2C|,)EXPIRED/);
    await expect(page.getByRole("menuitemcheckbox", { name: "Pending" })).toHaveAttribute("aria-checked", "true");
    await expect(page.getByRole("menuitemcheckbox", { name: "Expired" })).toHaveAttribute("aria-checked", "true");
    await page.keyboard.press("Escape");
    await expectEveryCell(column(page, 2), /^(Pending|Expired)$/);

    await page.getByRole("button", { name: "Reset filters" }).click();
    await expect(page).not.toHaveURL(/status=/);
    await tickFilter(page, "role", "Admin");
    await expect(page).toHaveURL(/role=[0-9a-f-]{36}/);
    await expect(rowOf(page, asAdmin)).toBeVisible();
    await expectEveryCell(column(page, 3), /^Admin$/);

    await page.getByRole("button", { name: "Reset filters" }).click();
    await tickFilter(page, "invited by", "Adam Admin");
    await expect(page).toHaveURL(/inviter=[0-9a-f-]{36}/);
    await expect(rowOf(page, asAdmin)).toBeVisible();
    await expectEveryCell(column(page, 5), /^Adam Admin$/);

    await page.getByRole("button", { name: "Columns" }).click();
    await page.getByRole("menuitemcheckbox", { name: "Invited by" }).click();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("columnheader", { name: /Invited by/ })).toHaveCount(0);
    await page.getByRole("button", { name: "Columns" }).click();
    await page.getByRole("menuitemcheckbox", { name: "Invited by" }).click();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("columnheader", { name: /Invited by/ })).toBeVisible();
  });

  test("search follows the URL: clearing sticks, and Back and Forward move the box", async ({ page }) => {
    const email = uniqueEmail("findme");
    await inviteAndClose(page, [email]);
    const search = page.getByRole("searchbox", { name: "Search by email" });

    await search.fill(email);
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(email).replace(/\./g, "\\.")}`));
    await expect(rowOf(page, email)).toBeVisible();
    await expect(rangeText(page)).toHaveText("1 invitation");

    const nothing = `nothing-matches-${Date.now()}`;
    await search.fill(nothing);
    await expect(page).toHaveURL(new RegExp(`q=${nothing}`));
    await expect(page.getByText("No invitations match these filters")).toBeVisible();
    await page.getByRole("button", { name: "Clear all filters" }).click();
    await expect(page).not.toHaveURL(/q=/);
    await expect(search).toHaveValue("");
    // The old debounce used to put the search back; give it time to try.
    await page.waitForTimeout(1000);
    await expect(page).not.toHaveURL(/q=/);
    await expect(search).toHaveValue("");
    await expect(page.getByText("No invitations match these filters")).toHaveCount(0);

    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`q=${nothing}`));
    await expect(search).toHaveValue(nothing);
    await expect(page.getByText("No invitations match these filters")).toBeVisible();
    await page.waitForTimeout(1000);
    await expect(page).toHaveURL(new RegExp(`q=${nothing}`));

    await page.goForward();
    await expect(page).not.toHaveURL(/q=/);
    await expect(search).toHaveValue("");
    await page.waitForTimeout(1000);
    await expect(page).not.toHaveURL(/q=/);
  });

  test("page size and paging; deleting the last row of the last page, or a page past the end, lands on the last page", async ({
    page,
  }) => {
    const prefix = `pager-${Date.now().toString(36)}`;
    const emails = Array.from({ length: 12 }, (_, i) => `${prefix}-${String(i).padStart(2, "0")}@example.com`);
    await inviteAndClose(page, emails);
    await page.getByRole("searchbox", { name: "Search by email" }).fill(prefix);
    await expect(rangeText(page)).toHaveText("12 invitations");

    await page.getByRole("combobox", { name: "Rows per page" }).click();
    await page.getByRole("option", { name: "10", exact: true }).click();
    await expect(page).toHaveURL(/perPage=10/);
    await expect(rangeText(page)).toHaveText("1–10 of 12 invitations");
    await expect(page.locator("tbody tr")).toHaveCount(10);
    await expect(page.getByText("Page 1 of 2")).toBeVisible();

    await page.getByRole("button", { name: "Next page" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(rangeText(page)).toHaveText("11–12 of 12 invitations");
    await expect(page.locator("tbody tr")).toHaveCount(2);
    await expect(page.getByRole("button", { name: "Next page" })).toBeDisabled();

    for (const [index, remaining] of [
      [0, "11 of 11 invitations"],
      [0, "10 invitations"],
    ] as const) {
      const email = (await column(page, 1).nth(index).innerText()).trim();
      await chooseRowAction(page, email, "Delete");
      await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
      await expect(rangeText(page)).toHaveText(remaining);
    }
    await expect(page).not.toHaveURL(/page=2/);
    await expect(page.getByText("Page 1 of 1")).toBeVisible();
    await expect(page.locator("tbody tr")).toHaveCount(10);
    await expect(page.getByText("No invitations match these filters")).toHaveCount(0);

    await page.goto(`${INVITATIONS}?q=${prefix}&perPage=10&page=99`);
    await expect(rangeText(page)).toHaveText("10 invitations");
    await expect(page.locator("tbody tr")).toHaveCount(10);
    await expect(page).not.toHaveURL(/page=99/);
    await expect(page.getByText("No invitations match these filters")).toHaveCount(0);
  });

  test("resend from the row menu sends again and says so", async ({ page }) => {
    const email = uniqueEmail("resend");
    await inviteAndClose(page, [email]);
    await chooseRowAction(page, email, "Resend");
    await expect(page.getByText(`Invitation sent again to ${email}`)).toBeVisible();
    await chooseRowAction(page, email, "View details");
    const details = page.getByRole("dialog", { name: "Invitation details" });
    await expect(details.getByText(/Sent 2 times/)).toBeVisible();
    await details.getByRole("tab", { name: "History" }).click();
    await expect(details.getByRole("listitem").filter({ hasText: "Sent again" })).toHaveCount(1);
  });

  test("copy a link, open it elsewhere, withdraw it and see it die, then delete", async ({ page, browser }) => {
    const email = uniqueEmail("copy");
    await inviteAndClose(page, [email]);

    await chooseRowAction(page, email, "Copy link");
    await expect(page.getByText("Link copied")).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/\/invite\/tgi_[A-Za-z0-9_-]{43}$/);

    const invitee = await browser.newContext();
    const inviteePage = await invitee.newPage();
    await inviteePage.goto(link);
    await expect(inviteePage.getByRole("heading", { name: /invited you to join Acme/ })).toBeVisible();

    await chooseRowAction(page, email, "Withdraw");
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText(`Withdraw the invitation to ${email}?`);
    await confirm.getByRole("button", { name: "Withdraw" }).click();
    await expect(rowOf(page, email).getByText("Withdrawn")).toBeVisible();

    await inviteePage.reload();
    await expect(inviteePage.getByRole("heading", { name: "This invitation was withdrawn" })).toBeVisible();
    await expect(inviteePage.getByRole("button", { name: "Accept" })).toHaveCount(0);
    await invitee.close();

    await chooseRowAction(page, email, "Delete");
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
    await expect(rowOf(page, email)).toHaveCount(0);
  });

  test("details show the invitation and its history", async ({ page }) => {
    const email = uniqueEmail("details");
    await inviteAndClose(page, [email]);
    await chooseRowAction(page, email, "View details");
    const dialog = page.getByRole("dialog", { name: "Invitation details" });
    await expect(dialog.getByText("Invitation ID")).toBeVisible();
    await expect(dialog.getByText("Adam Admin (admin@acme.test)")).toBeVisible();
    // Overview, Edit and History are separate tabs, so the overview fits at 800 px without scrolling.
    await page.setViewportSize({ width: 1280, height: 800 });
    const fits = await dialog.evaluate(
      (node) => node.scrollHeight <= node.clientHeight && node.getBoundingClientRect().bottom <= window.innerHeight,
    );
    expect(fits).toBe(true);
    await dialog.getByRole("tab", { name: "History" }).click();
    await expect(dialog.getByText("Invited", { exact: true })).toBeVisible();

    await dialog.getByRole("tab", { name: "Edit" }).click();
    await dialog.getByRole("combobox", { name: "Role" }).click();
    await page.getByRole("option", { name: "Admin", exact: true }).click();
    await dialog.getByRole("combobox", { name: "Email language" }).click();
    await page.getByRole("option", { name: "Français" }).click();
    await dialog.getByRole("checkbox", { name: "Design" }).click();
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Invitation updated; its link stays the same")).toBeVisible();
    // The table behind has refreshed with the new role and group, and the dialog stayed open through it.
    // (The modal hides the page from the accessibility tree, hence CSS locators.)
    const row = page.locator("tbody tr").filter({ hasText: email });
    await expect(row.locator("td").nth(3)).toHaveText("Admin");
    await expect(row.locator("td").nth(4)).toHaveText("Design");
    await expect(dialog.getByRole("checkbox", { name: "Design" })).toBeChecked();
    await dialog.getByRole("tab", { name: "History" }).click();
    await expect(dialog.getByText("Edited", { exact: true })).toBeVisible();
    await dialog.getByRole("tab", { name: "Overview" }).click();
    await expect(dialog.getByRole("definition").filter({ hasText: "Français" })).toBeVisible();
    await expect(dialog.getByRole("definition").filter({ hasText: "Design" })).toBeVisible();
  });

  test("from the keyboard alone, closing a dialog opened from a row menu returns focus to that row's button", async ({
    page,
  }) => {
    const email = uniqueEmail("keyboard");
    await inviteAndClose(page, [email]);
    const trigger = page.getByRole("button", { name: `Actions for ${email}` });
    // Focus has moved into the dialog (and the menu has finished closing) before it is dismissed.
    const expectFocusInDialog = () =>
      expect
        .poll(() => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"], [role="alertdialog"]')))
        .toBe(true);
    const openWithEnter = async (button: Locator) => {
      await expect(async () => {
        await button.focus();
        await page.keyboard.press("Enter");
        await expect(page.getByRole("menu")).toBeVisible({ timeout: 1000 });
      }).toPass({ timeout: 15_000 });
    };

    await openWithEnter(trigger);
    await expect(page.getByRole("menuitem", { name: "View details" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog", { name: "Invitation details" }).getByText("Invitation ID")).toBeVisible();
    await expectFocusInDialog();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(trigger).toBeFocused();

    await openWithEnter(trigger);
    await expect(page.getByRole("menuitem", { name: "View details" })).toBeFocused();
    await page.keyboard.press("End");
    await expect(page.getByRole("menuitem", { name: "Delete" })).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await expect(page.getByRole("menuitem", { name: "Withdraw" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("alertdialog")).toBeVisible();
    await expectFocusInDialog();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("alertdialog")).toHaveCount(0);
    await expect(trigger).toBeFocused();

    await page.goto("/teams/acme/settings/members");
    const memberTrigger = page.getByRole("button", { name: "Actions for member@acme.test" });
    await openWithEnter(memberTrigger);
    await expect(page.getByRole("menuitem", { name: "Change role" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog", { name: "Change role" })).toBeVisible();
    await expectFocusInDialog();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(memberTrigger).toBeFocused();
  });

  test("the invitations page has no serious accessibility violations", async ({ page }) => {
    const email = uniqueEmail("a11y");
    await inviteAndClose(page, [email]);
    // The success toast is part of what is checked: its colors once failed contrast.
    await chooseRowAction(page, email, "Resend");
    await expect(page.locator('[data-sonner-toast][data-type="success"][data-mounted="true"]')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(
      serious.map(
        (v) =>
          `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(" ") + " " + (n.failureSummary ?? "")).join(" | ")}`,
      ),
    ).toEqual([]);
    await openInviteDialog(page);
    const dialogResults = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
    expect(
      dialogResults.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
    ).toEqual([]);
  });

  // States no click can make quickly: on PostgreSQL the test edits the row itself.
  if (databaseReachable) {
    test("an expired row and a row whose delivery failed can both be resent from the menu", async ({ page }) => {
      const expired = uniqueEmail("expired-row");
      const failed = uniqueEmail("failed-row");
      await inviteAndClose(page, [expired]);
      await inviteAndClose(page, [failed]);
      await runSqlWhereInvited(
        expired,
        `UPDATE "Invitation" SET "expiresAt" = now() - interval '1 minute' WHERE "emailCanonical" = $1`,
      );
      await runSqlWhereInvited(
        failed,
        `UPDATE "Invitation" SET "deliveryStatus" = 'FAILED', "deliveryError" = 'Mailbox unavailable' WHERE "emailCanonical" = $1`,
      );
      await page.reload();
      await expect(rowOf(page, expired).getByText("Expired", { exact: true })).toBeVisible();
      await expect(rowOf(page, failed).getByText("Failed", { exact: true })).toBeVisible();

      await tickFilter(page, "status", "Expired");
      await expect(page).toHaveURL(/status=EXPIRED/);
      await expect(rowOf(page, expired)).toBeVisible();
      await expectEveryCell(column(page, 2), /^Expired$/);
      await page.getByRole("button", { name: "Reset filters" }).click();

      for (const email of [expired, failed]) {
        await chooseRowAction(page, email, "Resend");
        await expect(page.getByText(`Invitation sent again to ${email}`)).toBeVisible();
      }
      await expect(rowOf(page, expired).getByText("Pending", { exact: true })).toBeVisible();
      await expect(rowOf(page, failed).getByText("Failed", { exact: true })).toHaveCount(0);
    });
  }
});

// The server renders dates in UTC; a viewer fourteen hours ahead sees some on another day.
test.describe("a viewer in another time zone", () => {
  test.use({ signedInAs: "admin@acme.test", timezoneId: "Pacific/Kiritimati" });

  test("sees dates in their own zone, and the page hydrates without an error", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(INVITATIONS);
    await inviteAndClose(page, [uniqueEmail("zone")]);
    const invited = page.locator("tbody tr td:nth-child(7) time").first();
    const iso = await invited.getAttribute("datetime");
    expect(iso).toBeTruthy();
    const local = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "Pacific/Kiritimati" }).format(
      new Date(iso!),
    );
    await expect(invited).toHaveText(local);
    await expect(invited).toHaveAttribute("title", /GMT\+14/);
    expect(errors).toEqual([]);
  });
});

// One date style across the app, in the viewer's own locale once the page has hydrated.
test.describe("a viewer with a French browser", () => {
  test.use({ signedInAs: "admin@acme.test", locale: "fr-FR", timezoneId: "Europe/Paris" });

  test("sees the app's dates in French form", async ({ page }) => {
    await page.goto(INVITATIONS);
    await inviteAndClose(page, [uniqueEmail("zone")]);
    const invited = page.locator("tbody tr td:nth-child(7) time").first();
    const iso = await invited.getAttribute("datetime");
    const local = new Intl.DateTimeFormat("fr-FR", { dateStyle: "medium", timeZone: "Europe/Paris" }).format(
      new Date(iso!),
    );
    await expect(invited).toHaveText(local);
  });
});
