import { test } from "@playwright/test";
import { openInviteDialog, signIn, uniqueEmail } from "./helpers";

// Review aid: screenshots of the main screens at desktop and mobile width, in light and dark,
// kept under e2e/screenshots/ (ignored by git).
for (const colorScheme of ["light", "dark"] as const) {
  test(`screens (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/sign-in");
    await page.screenshot({ path: `e2e/screenshots/${colorScheme}-sign-in.png` });
    await signIn(page, "owner@acme.test", undefined, "/teams/acme/settings/invitations");
    await openInviteDialog(page);
    await page.getByLabel("Email addresses").fill(`${uniqueEmail("shot")}\n${uniqueEmail("shot2")}\nnot-valid\nmember@acme.test`);
    await page.getByText("Will be invited").first().waitFor();
    await page.screenshot({ path: `e2e/screenshots/${colorScheme}-invite-dialog.png` });
    await page.getByRole("button", { name: /Send invitations/ }).click();
    await page.getByRole("button", { name: "Done" }).click();
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      await page.screenshot({ path: `e2e/screenshots/${colorScheme}-invitations-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole("button", { name: /^Actions for shot-/ }).first().click();
    await page.screenshot({ path: `e2e/screenshots/${colorScheme}-row-menu.png` });
    await page.keyboard.press("Escape");
    for (const [name, path] of [
      ["members", "/teams/acme/settings/members"],
      ["roles", "/teams/acme/settings/roles"],
      ["home", "/"],
    ] as const) {
      await page.goto(path);
      await page.screenshot({ path: `e2e/screenshots/${colorScheme}-${name}.png`, fullPage: true });
    }
  });
}
