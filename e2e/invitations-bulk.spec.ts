import { expect, test, type Page } from "@playwright/test";
import { inviteThroughUi, signIn } from "./helpers";

const INVITATIONS = "/teams/acme/settings/invitations";

const rowOf = (page: Page, email: string) => page.getByRole("row").filter({ hasText: email });
const statusTabs = (page: Page) => page.getByRole("group", { name: "Filter by status" });
const bulkBar = (page: Page) => page.getByRole("region", { name: "Bulk actions" });

/** Acme is shared with other specs running alongside: counts are compared, never fixed. */
async function statusCount(page: Page, status: string) {
  return Number((await page.getByTestId(`status-count-${status}`).innerText()).replace(/[^\d]/g, ""));
}

/** Ticks a checkbox, again if a click landed before hydration. */
async function tick(page: Page, name: string) {
  const box = page.getByRole("checkbox", { name, exact: true });
  await expect(async () => {
    if ((await box.getAttribute("aria-checked")) !== "true") await box.click();
    await expect(box).toHaveAttribute("aria-checked", "true", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

test.describe("bulk actions on invitations", () => {
  test("select two rows → withdraw → the confirmation names 2 → a summary → both rows withdrawn, the counts follow", async ({
    page,
  }) => {
    const prefix = `bulk-${Date.now().toString(36)}`;
    const [first, second, third] = ["a", "b", "c"].map((name) => `${prefix}-${name}@example.com`) as [
      string,
      string,
      string,
    ];
    await signIn(page, "admin@acme.test", undefined, INVITATIONS);
    await inviteThroughUi(page, [first, second, third]);
    await page.goto(`${INVITATIONS}?q=${prefix}`);
    await expect(page.getByRole("row")).toHaveCount(4);
    await expect(statusTabs(page).getByRole("button", { name: /^All/ })).toHaveAttribute("aria-pressed", "true");
    const withdrawnBefore = await statusCount(page, "WITHDRAWN");

    await tick(page, `Select ${first}`);
    await tick(page, `Select ${second}`);
    await expect(bulkBar(page).getByText("2 selected")).toBeVisible();
    // Not the whole page: "all matching" is offered only once every row of the page is ticked.
    await expect(bulkBar(page).getByRole("button", { name: /^Select all/ })).toHaveCount(0);

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: "e2e/screenshots/invitations-bulk-1280.png" });
    await page.setViewportSize({ width: 375, height: 800 });
    // With the selection column on a phone, each row's status still shows whole beside its pinned menu.
    const status = await rowOf(page, first).getByText("Pending", { exact: true }).boundingBox();
    const menu = await page.getByRole("button", { name: `Actions for ${first}` }).boundingBox();
    expect(status!.x + status!.width).toBeLessThanOrEqual(menu!.x);
    await page.screenshot({ path: "e2e/screenshots/invitations-bulk-375.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    await bulkBar(page).getByRole("button", { name: "Withdraw" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Withdraw 2 invitations?" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Withdraw" }).click();
    await expect(page.getByText("2 withdrawn", { exact: true })).toBeVisible();
    await expect(dialog).toBeHidden();

    await expect(rowOf(page, first)).toContainText("Withdrawn");
    await expect(rowOf(page, second)).toContainText("Withdrawn");
    await expect(rowOf(page, third)).toContainText("Pending");
    await expect(bulkBar(page)).toHaveCount(0);
    await expect.poll(() => statusCount(page, "WITHDRAWN")).toBeGreaterThanOrEqual(withdrawnBefore + 2);

    // A tab sets the status filter in the URL.
    await statusTabs(page)
      .getByRole("button", { name: /^Withdrawn/ })
      .click();
    await expect(page).toHaveURL(/status=WITHDRAWN/);
    await expect(rowOf(page, third)).toHaveCount(0);
    await expect(rowOf(page, first)).toBeVisible();
    await expect(statusTabs(page).getByRole("button", { name: /^Withdrawn/ })).toHaveAttribute("aria-pressed", "true");
  });

  test("a full page offers every matching invitation; the resend summary counts them all", async ({ page }) => {
    const prefix = `bulkall-${Date.now().toString(36)}`;
    const emails = Array.from({ length: 12 }, (_, i) => `${prefix}-${String(i).padStart(2, "0")}@example.com`);
    await signIn(page, "admin@acme.test", undefined, INVITATIONS);
    await inviteThroughUi(page, emails);
    await page.goto(`${INVITATIONS}?q=${prefix}&perPage=10`);
    await expect(page.getByRole("row")).toHaveCount(11);

    await tick(page, "Select all invitations on this page");
    await expect(bulkBar(page).getByText("10 selected")).toBeVisible();
    await bulkBar(page).getByRole("button", { name: "Select all 12 matching" }).click();
    await expect(bulkBar(page).getByText("All 12 matching invitations selected")).toBeVisible();

    await bulkBar(page).getByRole("button", { name: "Resend" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Resend 12 invitations?" });
    await dialog.getByRole("button", { name: "Resend" }).click();
    await expect(page.getByText("12 resent", { exact: true })).toBeVisible();
  });
});

test.describe("in French", () => {
  test.use({ locale: "fr-FR" });

  test("the status tabs and the bulk bar speak the browser's language", async ({ page }) => {
    const email = `bulkfr-${Date.now().toString(36)}@example.com`;
    await signIn(page, "admin@acme.test", undefined, INVITATIONS);
    await inviteThroughUi(page, [email]);
    await page.goto(`${INVITATIONS}?q=${email.split("@")[0]}`);
    await expect(
      page.getByRole("group", { name: "Filtrer par statut" }).getByRole("button", { name: /^En attente/ }),
    ).toBeVisible();
    await tick(page, `Sélectionner ${email}`);
    const bar = page.getByRole("region", { name: "Actions groupées" });
    await expect(bar.getByText("1 sélectionnée")).toBeVisible();
    await bar.getByRole("button", { name: "Supprimer" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Supprimer 1 invitation ?" });
    await dialog.getByRole("button", { name: "Supprimer" }).click();
    await expect(page.getByText("1 supprimée", { exact: true })).toBeVisible();
    await expect(rowOf(page, email)).toHaveCount(0);
  });
});
