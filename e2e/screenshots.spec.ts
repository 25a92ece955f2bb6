import type { Browser, Locator, Page } from "@playwright/test";
import { addStoredSession, expect, storageStateOf, test } from "./fixtures";
import {
  databaseReachable,
  inviteThroughUi,
  openInviteDialog,
  openRowMenu,
  runSqlWhereInvited,
  signUpThroughLink,
  uniqueEmail,
} from "./helpers";

// Review aid: screenshots of the main screens at desktop and mobile width, in light and dark,
// kept under e2e/screenshots/ (ignored by git). Each shot first checks that its screen shows
// what it should, so a broken screen fails the test instead of being photographed.

const INVITATIONS = "/teams/acme/settings/invitations";

async function shot(page: Page, name: string, keyElement: Locator, options: { fullPage?: boolean } = {}) {
  await expect(keyElement.first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  // Let open/close animations (about 150 ms) settle.
  await page.waitForTimeout(300);
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: options.fullPage ?? false });
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`admin screens (${colorScheme})`, async ({ page }) => {
    // Dozens of screens in one walk: more than the default minute on a busy machine.
    test.setTimeout(300_000);
    await page.emulateMedia({ colorScheme });
    await page.goto("/sign-in");
    await shot(page, `${colorScheme}-sign-in`, page.getByRole("heading", { name: "Sign in" }));
    await addStoredSession(page.context(), "owner@acme.test");
    await page.goto(INVITATIONS);

    const emails = [uniqueEmail("shot"), uniqueEmail("shot2")];
    const list = `${emails.join("\n")}\nnot-valid\nmember@acme.test`;
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      const dialog = await openInviteDialog(page);
      await dialog.getByLabel("Email addresses").fill(list);
      await shot(
        page,
        `${colorScheme}-invite-dialog-${width}`,
        dialog.getByRole("list", { name: "Address check" }).getByText("Already a member"),
      );
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
    }

    await page.setViewportSize({ width: 1280, height: 800 });
    const dialog = await openInviteDialog(page);
    await dialog.getByLabel("Email addresses").fill(list);
    await expect(dialog.getByRole("list", { name: "Address check" }).getByText("Will be invited")).toHaveCount(2);
    await dialog.getByRole("button", { name: /Send invitations/ }).click();
    await shot(page, `${colorScheme}-invite-outcome`, dialog.getByText(/^2 invitations sent, 2 skipped/));
    await dialog.getByRole("button", { name: "Done" }).click();
    // The table has refreshed with the new rows before it is photographed.
    for (const email of emails) await expect(page.getByRole("row").filter({ hasText: email })).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);

    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      await shot(page, `${colorScheme}-invitations-${width}`, page.getByRole("row").filter({ hasText: emails[0]! }), {
        fullPage: true,
      });
      const menu = await openRowMenu(page, emails[0]!);
      await shot(page, `${colorScheme}-row-menu-${width}`, menu.getByRole("menuitem", { name: "View details" }));
      await page.keyboard.press("Escape");
      await expect(menu).toBeHidden();
    }

    await page.setViewportSize({ width: 1280, height: 800 });
    const menu = await openRowMenu(page, emails[0]!);
    await menu.getByRole("menuitem", { name: "View details" }).click();
    const details = page.getByRole("dialog", { name: "Invitation details" });
    await shot(page, `${colorScheme}-invitation-details`, details.getByText("Invitation ID"));
    await details.getByRole("tab", { name: "History" }).click();
    await shot(
      page,
      `${colorScheme}-invitation-details-history`,
      details.getByRole("listitem").filter({ hasText: "Invited" }),
    );
    await page.keyboard.press("Escape");

    await page.getByRole("searchbox", { name: "Search by email" }).fill(`no-such-address-${Date.now()}`);
    await shot(page, `${colorScheme}-invitations-no-match`, page.getByText("No invitations match these filters"));

    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      for (const [name, path, key] of [
        ["members", "/teams/acme/settings/members", page.getByRole("link", { name: /waiting for an answer/ })],
        ["roles", "/teams/acme/settings/roles", page.getByRole("heading", { name: "Roles & Permissions" })],
        ["domains", "/teams/acme/settings/domains", page.getByRole("textbox", { name: "Allowed email domains" })],
        ["received", "/invitations", page.getByRole("heading", { name: "Your invitations" })],
        ["home", "/", page.getByRole("heading", { name: /^Welcome, / })],
        ["team-home", "/teams/acme", page.getByRole("region", { name: "Pending invitations" })],
      ] as const) {
        await page.goto(path);
        await shot(page, `${colorScheme}-${name}-${width}`, key, { fullPage: true });
      }

      // Swagger UI's bundle is large: on a busy machine it may take more than the default 10 s.
      await page.goto("/docs/api");
      await expect(page.locator("#operations-tag-Invitations")).toBeVisible({ timeout: 30_000 });
      await shot(
        page,
        `${colorScheme}-api-reference-${width}`,
        page.getByRole("heading", { name: "Teamgate API reference" }),
      );
      await page.goto("/docs/api#/Invitations/createInvitations");
      await shot(
        page,
        `${colorScheme}-api-reference-operation-${width}`,
        page.locator("#operations-Invitations-createInvitations .opblock-body"),
      );
    }
  });
}

async function adminSession(browser: Browser) {
  const context = await browser.newContext({ storageState: storageStateOf("admin@acme.test") });
  const page = await context.newPage();
  return { context, page };
}

test("invitee screens", async ({ browser, page }) => {
  test.setTimeout(300_000);
  const admin = await adminSession(browser);
  const invite = async (email: string, options: { language?: string } = {}) =>
    (await inviteThroughUi(admin.page, [email], options))!;
  const heading = (name: string | RegExp) => page.getByRole("heading", { name });

  const newUser = await invite(uniqueEmail("shot-new"));
  await page.goto(newUser);
  await shot(page, "invite-new-user", page.getByRole("button", { name: "Create account and join" }));
  await page.setViewportSize({ width: 375, height: 800 });
  await shot(page, "invite-new-user-375", page.getByRole("button", { name: "Create account and join" }), {
    fullPage: true,
  });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole("button", { name: "Decline", exact: true }).click();
  const confirm = page.getByRole("alertdialog");
  await confirm.getByLabel("Reason (optional)").fill("Wrong team");
  await shot(page, "invite-decline-confirmation", confirm.getByRole("button", { name: "Decline invitation" }));
  await confirm.getByRole("button", { name: "Decline invitation" }).click();
  await shot(page, "invite-declined", heading("Invitation declined"));

  const french = await invite(uniqueEmail("shot-fr"), { language: "Français" });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(french);
  await page.getByRole("button", { name: "Créer mon compte et rejoindre" }).click();
  await shot(page, "dark-invite-french-errors", page.getByText("Utilisez entre 12 et 200 caractères."));
  await page.emulateMedia({ colorScheme: "light" });

  const usedLink = await invite(uniqueEmail("shot-used"));
  const user = await browser.newContext();
  const userPage = await user.newPage();
  await signUpThroughLink(userPage, usedLink);
  await user.close();
  await page.goto(usedLink);
  await shot(page, "invite-used", heading("This invitation has already been used"));

  // An existing account: the seeded Globex owner, invited to Acme and withdrawn afterwards.
  const existing = await invite("owner@globex.test");
  await page.goto(existing);
  await shot(page, "invite-existing-user", page.getByRole("link", { name: "Sign in to accept" }));
  await page.getByRole("link", { name: "Sign in to accept" }).click();
  await shot(page, "invite-existing-user-sign-in", page.getByRole("note", { name: "Invitation" }));
  await page.setViewportSize({ width: 375, height: 800 });
  await shot(page, "invite-existing-user-sign-in-375", page.getByRole("note", { name: "Invitation" }));
  await page.setViewportSize({ width: 1280, height: 800 });
  await admin.page.goto(INVITATIONS);
  const menu = await openRowMenu(admin.page, "owner@globex.test");
  await menu.getByRole("menuitem", { name: "Withdraw" }).click();
  await admin.page.getByRole("alertdialog").getByRole("button", { name: "Withdraw" }).click();
  await expect(admin.page.getByText("Invitation to owner@globex.test withdrawn")).toBeVisible();
  await page.goto(existing);
  await shot(page, "invite-withdrawn", heading("This invitation was withdrawn"));

  await page.goto("/invite/tgi_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  await shot(page, "invite-unknown", heading("This invitation link is not valid"));

  const someoneElse = await invite(uniqueEmail("shot-other"));
  await addStoredSession(page.context(), "member@acme.test");
  await page.goto(someoneElse);
  await shot(page, "invite-wrong-account", page.getByRole("button", { name: "Sign out and continue" }));

  if (databaseReachable) {
    const expiredEmail = uniqueEmail("shot-expired");
    const expired = await invite(expiredEmail);
    await runSqlWhereInvited(
      expiredEmail,
      `UPDATE "Invitation" SET "expiresAt" = now() - interval '1 minute' WHERE "emailCanonical" = $1`,
    );
    await page.context().clearCookies();
    await page.goto(expired);
    await shot(page, "invite-expired", page.getByRole("button", { name: "Ask for a new invitation" }));

    const memberEmail = uniqueEmail("shot-member");
    const memberLink = await invite(memberEmail);
    await signUpThroughLink(page, memberLink);
    await runSqlWhereInvited(
      memberEmail,
      `UPDATE "Invitation" SET "status" = 'PENDING', "pendingKey" = "emailCanonical", "respondedAt" = NULL, "responderId" = NULL WHERE "emailCanonical" = $1`,
    );
    await page.goto(memberLink);
    await shot(page, "invite-already-member", page.getByText("You're already a member of Acme."));
  }
  await admin.context.close();
});
