import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { SEED_PASSWORD, uniqueEmail } from "./helpers";

// Shareable invite links, clicked through: an admin creates one and copies it, a new person signs
// up through it, confirms the address from the local mailbox and lands in the team; the admin
// sees who joined, revokes the link, and the link then says it was revoked. Screenshots of the
// new screens at desktop and phone width go to e2e/screenshots/.

const LINKS = "/teams/acme/settings/invite-links";

test.use({ signedInAs: "owner@acme.test" });

/** Each new screen: no serious axe violation, no sideways scrolling on a phone, light and dark at 1280 and 375 px. */
async function shot(page: Page, name: string, key: Locator) {
  await expect(key.first()).toBeVisible();
  await page.waitForTimeout(300);
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({
        path: `e2e/screenshots/invite-links-${name}-${colorScheme}-${width}.png`,
        fullPage: true,
      });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("an admin shares a link; a newcomer signs up, confirms by email and joins; revoking kills the link", async ({
  page,
  context,
  browser,
}) => {
  test.slow();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const domain = `links-${Date.now().toString(36)}.example`;

  // The admin creates a Member link for one domain and it lands on the clipboard.
  await page.goto(LINKS);
  await expect(page.getByRole("heading", { name: "Invite links" })).toBeVisible();
  const dialog = page.getByRole("dialog", { name: "Create an invite link" });
  await expect(async () => {
    if (!(await dialog.isVisible())) await page.getByRole("button", { name: "Create link" }).click();
    await expect(dialog).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await dialog.getByLabel("Allowed email domain").fill(domain);
  await dialog.getByLabel("Maximum uses").fill("3");
  await shot(page, "create-dialog", dialog.getByLabel("Allowed email domain"));
  await dialog.getByRole("button", { name: "Create link" }).click();
  await expect(page.getByText("Invite link created and copied")).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/join\/tgl_[A-Za-z0-9_-]{43}$/);
  const row = page.getByRole("row").filter({ hasText: domain });
  await expect(row).toContainText("0 / 3");
  await expect(row).toContainText("Active");
  await shot(page, "settings", row);

  // "Copy link" hands out the same URL again.
  await page.evaluate(() => navigator.clipboard.writeText(""));
  await row.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByText("Link copied")).toBeVisible();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  // A newcomer, signed out, signs up through it; nothing is joined until the address is confirmed.
  const newcomer = await browser.newContext();
  const joiner = await newcomer.newPage();
  const email = uniqueEmail("joiner", domain);
  await joiner.goto(link);
  await expect(joiner.getByRole("heading", { name: "Join Acme" })).toBeVisible();
  await expect(joiner.getByText(`@${domain}`)).toBeVisible();
  await shot(joiner, "join-page", joiner.getByRole("button", { name: "Create account" }));
  await joiner.getByLabel("Your name").fill("Link Joiner");
  await joiner.getByLabel("Email").fill(email);
  await joiner.getByLabel("Password").fill("a-long-enough-password");
  await joiner.getByRole("button", { name: "Create account" }).click();
  await expect(joiner.getByText("Check your inbox")).toBeVisible();
  await expect(row).toContainText("0 / 3");

  // The confirmation arrives in the local mailbox; following it joins the team.
  const mailbox = await newcomer.newPage();
  let confirmation = "";
  await expect(async () => {
    await mailbox.goto("/dev/mailbox");
    await mailbox
      .getByRole("row")
      .filter({ hasText: email.split("@")[0]! })
      .getByRole("link")
      .first()
      .click({ timeout: 1000 });
    await mailbox.getByText("Plain-text version").click({ timeout: 1000 });
    confirmation =
      (await mailbox.locator("pre").innerText()).match(/http\S+\/join\/confirm\/tgv_[A-Za-z0-9_-]{43}/)?.[0] ?? "";
    expect(confirmation).not.toBe("");
  }).toPass({ timeout: 60_000 });
  await joiner.goto(confirmation);
  await shot(joiner, "confirm", joiner.getByRole("button", { name: "Confirm and join" }));
  await joiner.getByRole("button", { name: "Confirm and join" }).click();
  await expect(joiner).toHaveURL(/\/teams\/acme\?joined=new/);

  // The admin sees the use and who joined.
  await page.goto(LINKS);
  await expect(row).toContainText("1 / 3");
  await row.getByRole("link", { name: "Member" }).click();
  await expect(page.getByRole("cell", { name: "Link Joiner" })).toBeVisible();
  await shot(page, "details", page.getByText("1 person joined through this link"));

  // Someone with an account signs in from the link and comes back to it; this one is for another domain.
  const visitor = await browser.newContext();
  const guest = await visitor.newPage();
  await guest.goto(link);
  await guest.getByRole("link", { name: "Sign in to join" }).click();
  await expect(guest).toHaveURL(/\/sign-in\?callbackUrl=%2Fjoin%2Fcontinue$/);
  await guest.getByLabel("Email").fill("owner@globex.test");
  await guest.getByLabel("Password").fill(SEED_PASSWORD);
  await guest.getByRole("button", { name: "Sign in" }).click();
  await expect(guest).toHaveURL(link);
  await expect(guest.getByText(`This link is only for addresses at ${domain}.`)).toBeVisible();
  await expect(guest.getByRole("button", { name: "Join the team" })).toHaveCount(0);
  await visitor.close();

  // Revoke, confirmed; the link then says so and offers nothing.
  await page.goto(LINKS);
  await row.getByRole("button", { name: "Revoke" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Revoke this invite link?" });
  await confirm.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("Invite link revoked")).toBeVisible();
  await expect(row).toContainText("Revoked");
  const stranger = await browser.newContext();
  const late = await stranger.newPage();
  await late.goto(link);
  await expect(late.getByRole("heading", { name: "This invite link was revoked" })).toBeVisible();
  await expect(late.getByRole("button")).toHaveCount(0);
  await shot(late, "revoked", late.getByRole("heading", { name: "This invite link was revoked" }));
  await Promise.all([newcomer.close(), stranger.close()]);
});
