import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { addStoredSession, expect, storageStateOf, test } from "./fixtures";
import { inviteThroughUi, uniqueEmail } from "./helpers";

async function expectNoSeriousViolations(page: Page, screenshot: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await page.screenshot({ path: `e2e/screenshots/${screenshot}.png`, fullPage: true });
}

test("settings pages have no serious accessibility violations", async ({ page }) => {
  await addStoredSession(page.context(), "owner@acme.test");
  for (const [path, name] of [
    ["/teams/acme/settings/members", "members"],
    ["/teams/acme/settings/roles", "roles"],
    ["/teams/acme/settings/domains", "domains"],
    ["/account/api-keys", "api-keys"],
    ["/invitations", "received"],
  ] as const) {
    await page.goto(path);
    await expectNoSeriousViolations(page, `a11y-${name}`);
  }
});

test("the invitee's pages have no serious accessibility violations, in each state", async ({ page, browser }) => {
  // Every state of the page, each scanned by axe: over a minute on a loaded machine with PGlite.
  test.slow();
  await page.goto("/invite/not-a-token");
  await expectNoSeriousViolations(page, "invite-invalid");
  await page.goto("/sign-in");
  await expectNoSeriousViolations(page, "sign-in");

  const admin = await browser.newContext({ storageState: storageStateOf("admin@acme.test") });
  const adminPage = await admin.newPage();
  const link = (await inviteThroughUi(adminPage, [uniqueEmail("a11y-invitee")]))!;
  const frenchLink = (await inviteThroughUi(adminPage, [uniqueEmail("a11y-fr")], { language: "Français" }))!;
  await admin.close();

  await page.goto(link);
  await expectNoSeriousViolations(page, "invite-new-user");
  await page.getByRole("button", { name: "Decline", exact: true }).click();
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await expectNoSeriousViolations(page, "invite-decline-dialog");
  await page.keyboard.press("Escape");
  await page.goto(frenchLink);
  await expect(page.locator("main")).toHaveAttribute("lang", "fr");
  await expectNoSeriousViolations(page, "invite-french");
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "e2e/screenshots/invite-mobile.png", fullPage: true });
});

test("member management: change a role, and the last owner is protected", async ({ page }) => {
  await addStoredSession(page.context(), "owner@acme.test");
  await page.goto("/teams/acme/settings/members");
  await expect(async () => {
    await page.getByRole("button", { name: "Actions for owner@acme.test" }).click();
    await expect(page.getByRole("menuitem", { name: "Change role" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.getByRole("menuitem", { name: "Change role" }).click();
  const dialog = page.getByRole("dialog", { name: "Change role" });
  await dialog.getByRole("combobox", { name: "Role" }).click();
  await page.getByRole("option", { name: "Member", exact: true }).click();
  await dialog.getByRole("button", { name: "Save role" }).click();
  await expect(page.getByText("A team needs at least one owner. Make someone else an owner first.")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(
    page.getByRole("row").filter({ hasText: "owner@acme.test" }).getByText("Owner", { exact: true }),
  ).toBeVisible();
});
