import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { addStoredSession, expect, test } from "./fixtures";
import { expectNoSeriousViolations, inviteThroughUi, openInviteDialog, openRowMenu, uniqueEmail } from "./helpers";

// Globex is the owner's team that these tests change (and restore): Acme's settings stay as other specs expect them.
const GENERAL = "/teams/globex/settings/general";
const DAY = 24 * 60 * 60 * 1000;

const settingsNav = (page: Page) => page.getByRole("navigation", { name: "Team settings" });

async function saveGeneral(page: Page, values: { lifetime?: string; seatLimit?: string }) {
  if (values.lifetime !== undefined) await page.getByLabel("Invitations expire after").fill(values.lifetime);
  if (values.seatLimit !== undefined) await page.getByLabel("Seat limit").fill(values.seatLimit);
  await page.getByRole("button", { name: "Save changes" }).click();
}

async function shot(page: Page, name: string, keyElement: Locator) {
  await expect(keyElement.first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}

test.describe("General settings, as Globex's owner", () => {
  test.use({ signedInAs: "owner@globex.test" });

  test("the invitation lifetime set to 3 days gives a new invitation 3 days; the invite dialog shows the lifetime and the seats", async ({
    page,
  }) => {
    test.slow();
    await page.goto("/teams/globex/settings/members");
    await settingsNav(page).getByRole("link", { name: "General" }).click();
    await expect(page).toHaveURL(/\/teams\/globex\/settings\/general$/);
    await expect(page.getByLabel("Invitations expire after")).toHaveValue("7");
    try {
      await saveGeneral(page, { lifetime: "3", seatLimit: "1000" });
      await expect(page.getByText("Team settings saved")).toBeVisible();

      await settingsNav(page).getByRole("link", { name: "Invitations" }).click();
      const dialog = await openInviteDialog(page);
      await expect(dialog.getByText("Invitations expire after 3 days.")).toBeVisible();
      await expect(dialog.getByTestId("seat-counter")).toHaveText(/^\d+ of 1,000 seats in use · \d+ free$/);
      await page.keyboard.press("Escape");

      const email = uniqueEmail("three-days");
      const sentAt = Date.now();
      await inviteThroughUi(page, [email], { team: "globex" });
      const expires = await page
        .getByRole("row")
        .filter({ hasText: email })
        .locator("td:nth-child(8) time")
        .getAttribute("datetime");
      expect(Math.abs(new Date(expires!).getTime() - sentAt - 3 * DAY)).toBeLessThan(5 * 60_000);
    } finally {
      await page.goto(GENERAL);
      await saveGeneral(page, { lifetime: "7", seatLimit: "" });
      await expect(page.getByText("Team settings saved")).toBeVisible();
    }
  });
});

test.describe("General settings, as Acme's owner", () => {
  test.use({ signedInAs: "owner@acme.test" });

  // Acme always has three members, so a limit of 2 is always refused and nothing here changes Acme.
  test("the seat limit refuses to go below the seats in use, says why, and changes nothing", async ({ page }) => {
    await page.goto("/teams/acme/settings/general");
    const hint = page.getByText(/seats? in use: \d+ members?, \d+ pending invitations?\./);
    await expect(hint).toBeVisible();
    await saveGeneral(page, { seatLimit: "2" });
    const error = page.getByText(
      /^\d+ seats are in use \(members plus pending invitations\): the limit can't be lower\. Remove members or withdraw invitations first\.$/,
    );
    await expect(error).toBeVisible();
    await expect(page.getByLabel("Seat limit")).toHaveAttribute("aria-invalid", "true");
    await page.reload();
    await expect(page.getByLabel("Seat limit")).toHaveValue("");

    await saveGeneral(page, { lifetime: "31" });
    await expect(page.getByText("Choose between 1 and 30 days.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Invitations expire after")).toHaveValue("7");
  });
});

test("an admin who is not an owner neither sees nor reaches the General page, and the server refuses its action", async ({
  page,
  baseURL,
}) => {
  await addStoredSession(page.context(), "admin@acme.test");
  await page.goto("/teams/acme/settings/members");
  await expect(settingsNav(page).getByRole("link", { name: "Members" })).toBeVisible();
  await expect(settingsNav(page).getByRole("link", { name: "General" })).toHaveCount(0);
  const response = await page.goto("/teams/acme/settings/general");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access" })).toBeVisible();

  // A crafted POST to the action, with the admin's session: refused by the data layer, nothing renamed.
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName: string }>;
  };
  const actionId = Object.entries(manifest.node).find(
    ([, entry]) => entry.exportedName === "updateTeamSettingsAction",
  )![0];
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const crafted = await page.request.post("/teams/acme/settings/general", {
    headers: {
      "Next-Action": actionId,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: baseURL!,
      cookie,
    },
    data: JSON.stringify([
      { teamSlug: "acme", settings: { name: "Taken over", invitationLifetimeDays: 30, seatLimit: null } },
    ]),
    maxRedirects: 0,
  });
  expect(await crafted.text()).toContain('"code":"FORBIDDEN"');
  await page.goto("/teams/acme/settings/members");
  await expect(page.getByText(/have access to Acme\.$/)).toBeVisible();
});

test.describe("the activity log, as Acme's admin", () => {
  test("shows an invite and a withdraw with who did them, and filters by kind and by person", async ({ page }) => {
    test.slow();
    await addStoredSession(page.context(), "admin@acme.test");
    await page.goto("/teams/acme/settings/invitations");
    const email = uniqueEmail("activity");
    await inviteThroughUi(page, [email]);
    const menu = await openRowMenu(page, email);
    await menu.getByRole("menuitem", { name: "Withdraw" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Withdraw" }).click();
    await expect(page.getByText(`Invitation to ${email} withdrawn`)).toBeVisible();

    await settingsNav(page).getByRole("link", { name: "Activity" }).click();
    await expect(page.getByRole("heading", { name: "Activity", exact: true })).toBeVisible();
    const rows = page.getByRole("row").filter({ hasText: email });
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText("Withdrew the invitation");
    await expect(rows.nth(0)).toContainText("Adam Admin");
    await expect(rows.nth(1)).toContainText("Invited");
    await expect(rows.nth(1)).toContainText("Adam Admin");
    await expect(rows.nth(1)).toContainText("as Member");
    await expect(rows.nth(0).locator("time").first()).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);

    await page.getByRole("button", { name: /^Filter by action/ }).click();
    await page.getByRole("menuitemcheckbox", { name: "Withdrew the invitation", exact: true }).click();
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(/kind=invitation\.withdrawn/);
    await expect(rows).toHaveCount(1);
    for (const action of await page
      .locator("tbody tr[data-action]")
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-action")))) {
      expect(action).toBe("invitation.withdrawn");
    }

    // By person: every event left is the admin's, the invite and the withdraw among them.
    await page.getByRole("button", { name: /^Filter by action/ }).click();
    await page.getByRole("menuitem", { name: /Clear/ }).click();
    await expect(page).not.toHaveURL(/kind=/);
    await page.getByRole("combobox", { name: "Person" }).click();
    await page.getByRole("option", { name: /^Adam Admin/ }).click();
    await expect(page).toHaveURL(/person=[0-9a-f-]{36}/);
    await expect(rows).toHaveCount(2);
    for (const text of await page.locator("tbody tr td:nth-child(2)").allInnerTexts())
      expect(text).toContain("Adam Admin");
    await page.getByRole("button", { name: /^Filter by action/ }).click();
    await page.getByRole("menuitemcheckbox", { name: "Withdrew the invitation", exact: true }).click();
    await page.keyboard.press("Escape");
    await expect(rows).toHaveCount(1);

    // The state lives in the URL: a reload shows the same filtered page.
    await page.reload();
    await expect(rows).toHaveCount(1);
    await page.getByRole("button", { name: "Reset filters" }).click();
    await expect(page).toHaveURL(/\/settings\/activity$/);
    await expect(rows).toHaveCount(2);
  });

  test("a member gets the 403 page", async ({ page }) => {
    await addStoredSession(page.context(), "member@acme.test");
    await page.goto("/");
    expect((await page.goto("/teams/acme/settings/activity"))?.status()).toBe(403);
  });
});

test.describe("a viewer with a French browser", () => {
  test.use({ signedInAs: "owner@acme.test", locale: "fr-FR" });

  test("reads the activity log and the General page in French", async ({ page }) => {
    await page.goto("/teams/acme/settings/activity");
    await expect(page.getByRole("heading", { name: "Activité" })).toBeVisible();
    await expect(
      page.getByText("Qui a fait quoi dans Acme : invitations, réponses, changements de membres et de paramètres."),
    ).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Personne" })).toHaveText(/Personne\s*: Tout le monde/);
    await page.goto("/teams/acme/settings/general");
    await expect(page.getByLabel("Les invitations expirent après")).toHaveValue("7");
  });
});

test("screenshots of the General and Activity pages at 1280 and 375 px, without serious accessibility violations", async ({
  page,
}) => {
  test.slow();
  await addStoredSession(page.context(), "owner@acme.test");
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/teams/acme/settings/general");
    await shot(page, `light-general-${width}`, page.getByLabel("Seat limit"));
    if (width === 1280) await expectNoSeriousViolations(page);
    const { documentWidth } = await page.evaluate(() => ({ documentWidth: document.documentElement.scrollWidth }));
    expect(documentWidth).toBeLessThanOrEqual(width);
    await page.goto("/teams/acme/settings/activity");
    await shot(page, `light-activity-${width}`, page.getByRole("heading", { name: "Activity", exact: true }));
    if (width === 1280) await expectNoSeriousViolations(page);
    const activityWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(activityWidth).toBeLessThanOrEqual(width);
  }
});
