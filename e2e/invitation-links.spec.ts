import type { Page } from "@playwright/test";
import { addStoredSession, expect, storageStateOf, test } from "./fixtures";
import {
  databaseReachable,
  inviteThroughUi,
  openInviteDialog,
  openRowMenu,
  runSqlWhereInvited,
  uniqueEmail,
} from "./helpers";

const INVITATIONS = "/teams/acme/settings/invitations";

async function rowAction(page: Page, email: string, item: string) {
  await page.goto(INVITATIONS);
  const menu = await openRowMenu(page, email);
  await menu.getByRole("menuitem", { name: item }).click();
}

/** The emails the local mailbox holds for one address, newest first (subject and the link in the plain text). */
async function mailsTo(page: Page, email: string, count: number) {
  const rows = page.getByRole("row").filter({ hasText: email });
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await expect(rows).toHaveCount(count, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const mails: Array<{ subject: string; link: string }> = [];
  for (let index = 0; index < count; index += 1) {
    await page.goto("/dev/mailbox");
    const subject = rows.nth(index).getByRole("link");
    const text = await subject.innerText();
    await subject.click();
    await page.getByText("Plain-text version").click();
    const link = (await page.locator("pre").innerText()).match(/http\S+\/invite\/tgi_[A-Za-z0-9_-]{43}/)?.[0];
    expect(link).toBeTruthy();
    mails.push({ subject: text, link: link! });
  }
  return mails;
}

test("resend keeps the emailed link working; reset link replaces it, and the old link offers the current one by email", async ({
  browser,
  page,
}) => {
  // Many page loads (mailbox, admin table, invitation page) on a loaded 2-core machine.
  test.slow();
  const email = uniqueEmail("old-link");
  const adminContext = await browser.newContext({ storageState: storageStateOf("admin@acme.test") });
  const admin = await adminContext.newPage();
  await inviteThroughUi(admin, [email]);
  const [first] = await mailsTo(page, email, 1);

  // Resend: the toast says the link is the same, and the first email's link still works.
  await rowAction(admin, email, "Resend");
  await expect(
    admin.getByText(`Invitation sent again to ${email}, with the same link and a fresh expiry`),
  ).toBeVisible();
  const afterResend = await mailsTo(page, email, 2);
  expect(afterResend[0]!.link).toBe(first!.link);
  await page.goto(first!.link);
  await expect(page.getByRole("heading", { name: "Adam Admin invited you to join Acme" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create account and join" })).toBeVisible();

  // Reset link: a confirmation that says what happens, then a toast that says it again.
  await rowAction(admin, email, "Reset link");
  const confirm = admin.getByRole("alertdialog", { name: `Reset the link for ${email}?` });
  await expect(confirm.getByText("every earlier link stops working at once")).toBeVisible();
  await confirm.getByRole("button", { name: "Reset link" }).click();
  await expect(admin.getByText(`New link sent to ${email}. Earlier links no longer work.`)).toBeVisible();
  const afterReset = await mailsTo(page, email, 3);
  const newest = afterReset[0]!.link;
  expect(newest).not.toBe(first!.link);

  // The first email's link now says it was replaced, when, and offers the current link by email.
  await page.goto(first!.link);
  await expect(
    page.getByRole("heading", {
      name: /^This link was replaced by a newer one sent on \d{1,2} \w+ \d{4} at \d{2}:\d{2} UTC$/,
    }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Create account and join" })).toHaveCount(0);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: "e2e/screenshots/replaced-link-1280.png", fullPage: true });
  await page.setViewportSize({ width: 375, height: 740 });
  await page.screenshot({ path: "e2e/screenshots/replaced-link-375.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole("button", { name: "Email me the current link" }).click();
  await expect(page.getByText("its current link is on its way to the invited address")).toBeVisible();

  // The email goes to the invitation's address, with the current link, which works.
  const afterRequest = await mailsTo(page, email, 4);
  expect(afterRequest[0]).toEqual({ subject: "Your current link to join Acme", link: newest });
  await page.goto(newest);
  await expect(page.getByRole("button", { name: "Create account and join" })).toBeVisible();

  // The history tells the admin what happened.
  await rowAction(admin, email, "View details");
  const details = admin.getByRole("dialog", { name: "Invitation details" });
  await details.getByRole("tab", { name: "History" }).click();
  const history = details.getByRole("list", { name: "History" });
  await expect(history.getByText("Sent again (same link)")).toBeVisible();
  await expect(history.getByText("Link reset (earlier links stopped working)")).toBeVisible();
  await expect(history.getByText("Invitee asked for the current link from an old one")).toBeVisible();
  await admin.keyboard.press("Escape");

  // Withdrawn: the old link says so too, not "not valid".
  await rowAction(admin, email, "Withdraw");
  await admin.getByRole("alertdialog").getByRole("button", { name: "Withdraw" }).click();
  await expect(admin.getByText(`Invitation to ${email} withdrawn`)).toBeVisible();
  for (const link of [first!.link, newest]) {
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "This invitation was withdrawn" })).toBeVisible();
    await expect(page.getByRole("button")).toHaveCount(0);
  }
  await adminContext.close();
});

test("a replaced link speaks the invitation's language", async ({ browser, page }) => {
  test.slow();
  const email = uniqueEmail("old-link-fr");
  const adminContext = await browser.newContext({ storageState: storageStateOf("admin@acme.test") });
  const admin = await adminContext.newPage();
  const link = await inviteThroughUi(admin, [email], { language: "Français" });
  await rowAction(admin, email, "View details");
  const details = admin.getByRole("dialog", { name: "Invitation details" });
  await details.getByRole("button", { name: "Reset link" }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Reset link" }).click();
  await expect(admin.getByText(`New link sent to ${email}. Earlier links no longer work.`)).toBeVisible();
  await adminContext.close();

  await page.goto(link!);
  await expect(
    page.getByRole("heading", {
      name: /^Ce lien a été remplacé par un lien plus récent, envoyé le \d{1,2} \S+ \d{4} à \d{2}:\d{2} UTC$/,
    }),
  ).toBeVisible();
  await page.getByRole("button", { name: "M’envoyer le lien actuel par e-mail" }).click();
  await expect(page.getByText("son lien actuel part vers l’adresse invitée")).toBeVisible();
  await expect(page.locator('main[lang="fr"]')).toHaveCount(1);
});

// Expiry takes days; on PostgreSQL the test moves the clock of the row itself.
if (databaseReachable) {
  test("an expired invitation's address can be invited again: the preview says so and a fresh invitation goes out", async ({
    browser,
    page,
  }) => {
    test.slow();
    const email = uniqueEmail("reinvite");
    await addStoredSession(page.context(), "admin@acme.test");
    await inviteThroughUi(page, [email]);
    await runSqlWhereInvited(
      email,
      `UPDATE "Invitation" SET "expiresAt" = now() - interval '1 minute' WHERE "emailCanonical" = $1`,
    );
    await page.goto(INVITATIONS);
    await expect(page.getByRole("row").filter({ hasText: email }).getByText("Expired", { exact: true })).toBeVisible();

    const dialog = await openInviteDialog(page);
    await dialog.getByLabel("Email addresses").fill(email);
    const preview = dialog.getByRole("list", { name: "Address check" });
    await expect(preview.getByText("Will be invited (previous invitation expired)")).toBeVisible();
    await expect(preview.getByText("Already invited")).toHaveCount(0);
    await dialog.screenshot({ path: "e2e/screenshots/reinvite-preview-1280.png" });
    await dialog.getByRole("button", { name: /Send invitations/ }).click();
    await expect(dialog.getByText("1 invitation sent")).toBeVisible();
    const link = await dialog.getByLabel("Invitation link").inputValue();
    await dialog.getByRole("button", { name: "Done" }).click();

    const rows = page.getByRole("row").filter({ hasText: email });
    await expect(rows.getByText("Pending", { exact: true })).toHaveCount(1);
    await expect(rows.getByText("Expired", { exact: true })).toHaveCount(0);
    const invitee = await browser.newContext();
    const inviteePage = await invitee.newPage();
    await inviteePage.goto(link);
    await expect(inviteePage.getByRole("button", { name: "Create account and join" })).toBeVisible();
    await invitee.close();
  });

  test("an invitation near its expiry reminds the invitee once, and the history shows it", async ({
    browser,
    page,
  }) => {
    test.slow();
    const email = uniqueEmail("reminder");
    const adminContext = await browser.newContext({ storageState: storageStateOf("admin@acme.test") });
    const admin = await adminContext.newPage();
    const link = await inviteThroughUi(admin, [email]);
    await mailsTo(page, email, 1);
    // Sent five days ago, expiring in a day and a half: inside the two-day reminder window.
    await runSqlWhereInvited(
      email,
      `UPDATE "Invitation" SET "lastSentAt" = now() - interval '5 days', "expiresAt" = now() + interval '36 hours' WHERE "emailCanonical" = $1`,
    );
    const [reminder] = await mailsTo(page, email, 2);
    expect(reminder).toEqual({ subject: "Reminder: your invitation to join Acme expires soon", link: link! });
    await page.goto(reminder!.link);
    await expect(page.getByRole("button", { name: "Create account and join" })).toBeVisible();

    await rowAction(admin, email, "View details");
    const details = admin.getByRole("dialog", { name: "Invitation details" });
    await details.getByRole("tab", { name: "History" }).click();
    await expect(
      details.getByRole("list", { name: "History" }).getByText("Reminder sent (expires within 2 days)"),
    ).toHaveCount(1);
    // Sweeps keep running (every 3 s here): still exactly one reminder.
    await page.waitForTimeout(7_000);
    await page.goto("/dev/mailbox");
    await expect(page.getByRole("row").filter({ hasText: email })).toHaveCount(2);
    await adminContext.close();
  });
}
