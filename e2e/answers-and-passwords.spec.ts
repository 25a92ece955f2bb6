import type { Browser, Locator, Page } from "@playwright/test";
import { addStoredSession, expect, test } from "./fixtures";
import { inviteThroughUi, readMail, signIn, uniqueEmail } from "./helpers";

// Issue 16 points 3 and 4, and the password change: answer notifications read in the local
// mailbox, the "forgot password" walk from the sign-in page to signing in with the new
// password, and the account's password page. Each test uses fresh accounts from its own client
// address, so the seed's passwords and other tests' rate limits are never touched.

// Several accounts and browsers per test: more than the default minute on a busy machine.
test.describe.configure({ timeout: 240_000 });
const slow = expect.configure({ timeout: 30_000 });

/** Signs up through an invitation link and lands in the team (the helper's walk, with a busy machine's patience). */
async function signUpThroughLink(page: Page, link: string, name: string, password = "a-long-enough-password") {
  await page.goto(link);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await slow(page).toHaveURL(/joined=new/);
}

function clientAddress() {
  const octet = () => Math.floor(Math.random() * 254) + 1;
  return `198.19.${octet()}.${octet()}`;
}

async function newPage(browser: Browser, locale = "en-US") {
  const context = await browser.newContext({ locale, extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });
  return { context, page: await context.newPage() };
}

/** Matches an address as emails show it (a zero-width space after "." and "@" keeps it from becoming a link). */
const shown = (address: string) =>
  new RegExp(address.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/(\\\.|@)/g, "$1\u200B?"));

/** A fresh account with a known password, made the way people get one: invited, then signed up from the link. */
async function newAccount(browser: Browser, password: string) {
  const email = uniqueEmail("pw");
  const admin = await newPage(browser);
  await addStoredSession(admin.context, "admin@acme.test");
  const link = await inviteThroughUi(admin.page, [email]);
  await admin.context.close();
  const invitee = await newPage(browser);
  await signUpThroughLink(invitee.page, link!, "Pat Password", password);
  return { email, ...invitee };
}

async function shot(page: Page, name: string, key: Locator) {
  await expect(key.first()).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}

test("the inviter reads in the local mailbox that the invitee accepted, and that another declined with a reason shown as text", async ({
  browser,
}) => {
  const accepting = uniqueEmail("accepts");
  const declining = uniqueEmail("declines");
  const admin = await newPage(browser);
  await addStoredSession(admin.context, "admin@acme.test");
  const acceptLink = await inviteThroughUi(admin.page, [accepting]);
  const declineLink = await inviteThroughUi(admin.page, [declining]);

  const invitee = await newPage(browser);
  await signUpThroughLink(invitee.page, acceptLink!, "Ada Accepts");
  await invitee.context.close();
  // The other invitee has no account: declining signed out, with the link.
  const decliner = await newPage(browser);
  await decliner.page.goto(declineLink!);
  await decliner.page.getByRole("button", { name: "Decline" }).click();
  const dialog = decliner.page.getByRole("alertdialog");
  await dialog.getByLabel("Reason (optional)").fill("<img src=x onerror=alert(1)> Not this quarter");
  await dialog.getByRole("button", { name: "Decline invitation" }).click();
  await slow(decliner.page.getByRole("heading", { name: "Invitation declined" })).toBeVisible();
  await decliner.context.close();

  const accepted = await readMail(
    admin.page,
    "admin@acme.test",
    new RegExp(`${shown(accepting).source} accepted the invitation to Acme`),
  );
  expect(accepted).toContain(`${accepting} accepted the invitation and joined Acme as a Member.`);
  expect(accepted).toContain("Invited by Adam Admin.");
  await expect(admin.page.frameLocator("iframe").getByRole("heading", { name: "Invitation accepted" })).toBeVisible();

  const declined = await readMail(
    admin.page,
    "admin@acme.test",
    new RegExp(`${shown(declining).source} declined the invitation to Acme`),
  );
  expect(declined).toContain("Their reason:");
  const frame = admin.page.frameLocator("iframe");
  await expect(frame.getByText("<img src=x onerror=alert(1)> Not this quarter")).toBeVisible();
  await expect(frame.locator("img")).toHaveCount(0);

  // The team's setting is off by default: the owner, who did not invite, got neither.
  await admin.page.goto("/dev/mailbox");
  await expect(
    admin.page
      .getByRole("row")
      .filter({ hasText: "owner@acme.test" })
      .filter({ hasText: shown(accepting) }),
  ).toHaveCount(0);
  await admin.context.close();
});

test("forgot password: the email's link sets a new password once, the old one stops working, and other sessions end", async ({
  browser,
}) => {
  const oldPassword = "the-first-password-1";
  const newPassword = "the-second-password-2";
  const account = await newAccount(browser, oldPassword);

  const { context, page } = await newPage(browser);
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  // An address with no account gets the very same answer.
  await page.getByLabel("Email").fill(uniqueEmail("nobody"));
  await page.getByRole("button", { name: "Send reset link" }).click();
  const answer = page.getByText(
    "If an account exists for that address, we sent a link to reset its password. It works once, for 30 minutes.",
  );
  await expect(answer).toBeVisible();
  await page.getByRole("button", { name: "Use another address" }).click();
  await page.getByLabel("Email").fill(account.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(answer).toBeVisible();

  const mail = await readMail(page, account.email, /^Reset your Teamgate password$/);
  const link = mail.match(/http\S+\/reset-password\/tgr_[A-Za-z0-9_-]{43}/)?.[0];
  expect(link).toBeTruthy();

  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("too-short");
  await page.getByLabel("Repeat the new password").fill("too-short");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Use between 12 and 200 characters.")).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Repeat the new password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await slow(page).toHaveURL(/\/sign-in\?reset=done/);
  await expect(page.getByText("Your password was changed")).toBeVisible();

  // The browser that was signed in before the reset is signed out.
  await account.page.goto("/");
  await expect(account.page).toHaveURL(/\/sign-in/);
  await account.context.close();

  await expect(page.getByLabel("Email")).toHaveValue(account.email);
  await page.getByLabel("Password").fill(oldPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password don't match an account.")).toBeVisible();
  await page.getByLabel("Password").fill(newPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);

  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "This link was already used" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Set new password" })).toHaveCount(0);
  await context.close();
});

test("the account's password page changes the password and signs out the other browsers only", async ({ browser }) => {
  const account = await newAccount(browser, "the-current-password");
  const other = await newPage(browser);
  await signIn(other.page, account.email, "the-current-password");

  const { page } = account;
  await page.goto("/");
  await page.getByRole("button", { name: `Account menu for ${account.email}` }).click();
  await page.getByRole("menuitem", { name: "Password" }).click();
  await expect(page.getByRole("heading", { name: "Password" })).toBeVisible();
  await page.getByLabel("Current password").fill("not-the-password");
  await page.getByLabel("New password", { exact: true }).fill("a-changed-password-3");
  await page.getByLabel("Repeat the new password").fill("a-changed-password-3");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your current password is not correct")).toBeVisible();
  await page.getByLabel("Current password").fill("the-current-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(
    page.getByText("Password changed. 1 other session was signed out; this browser stays signed in."),
  ).toBeVisible();

  await page.reload();
  await expect(page.getByRole("heading", { name: "Password" })).toBeVisible();
  await other.page.goto("/");
  await expect(other.page).toHaveURL(/\/sign-in/);
  await signIn(other.page, account.email, "a-changed-password-3");
  await other.context.close();
  await account.context.close();
});

test("screenshots of the new pages at 1280 and 375 px", async ({ browser }) => {
  const account = await newAccount(browser, "screenshot-password-1");
  const { context, page } = await newPage(browser);
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(account.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(/If an account exists/)).toBeVisible();
  const mail = await readMail(page, account.email, /^Reset your Teamgate password$/);
  const link = mail.match(/http\S+\/reset-password\/tgr_[A-Za-z0-9_-]{43}/)![0];

  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await account.page.setViewportSize({ width, height: 800 });
    await page.goto("/sign-in");
    await shot(page, `light-sign-in-forgot-${width}`, page.getByRole("link", { name: "Forgot password?" }));
    await page.goto("/forgot-password");
    await shot(page, `light-forgot-password-${width}`, page.getByRole("heading", { name: "Forgot your password?" }));
    await page.getByLabel("Email").fill(uniqueEmail("shot-nobody"));
    await page.getByRole("button", { name: "Send reset link" }).click();
    await shot(page, `light-forgot-password-sent-${width}`, page.getByText(/If an account exists/));
    await page.goto(link);
    await shot(page, `light-reset-password-${width}`, page.getByRole("heading", { name: "Choose a new password" }));
    await page.goto(`/reset-password/tgr_${"A".repeat(43)}`);
    await shot(
      page,
      `light-reset-password-invalid-${width}`,
      page.getByRole("heading", { name: "This link is not valid" }),
    );
    await account.page.goto("/account/password");
    await shot(
      account.page,
      `light-account-password-${width}`,
      account.page.getByRole("heading", { name: "Password" }),
    );
  }
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("screenshot-password-2");
  await page.getByLabel("Repeat the new password").fill("screenshot-password-2");
  await page.getByRole("button", { name: "Set new password" }).click();
  await slow(page).toHaveURL(/reset=done/);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`/sign-in?reset=done&email=${encodeURIComponent(account.email)}`);
    await shot(page, `light-sign-in-after-reset-${width}`, page.getByText("Your password was changed"));
    await page.goto(link);
    await shot(
      page,
      `light-reset-password-used-${width}`,
      page.getByRole("heading", { name: "This link was already used" }),
    );
  }
  await context.close();
  await account.context.close();
});

test("a French browser gets the reset pages and the email in French", async ({ browser }) => {
  const account = await newAccount(browser, "mot-de-passe-initial");
  const { context, page } = await newPage(browser, "fr-FR");
  await page.goto("/forgot-password");
  await expect(page.locator("main")).toHaveAttribute("lang", "fr");
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByRole("button", { name: "Envoyer le lien" }).click();
  await expect(page.getByText(/Si un compte existe pour cette adresse/)).toBeVisible();
  const mail = await readMail(page, account.email, /^Réinitialisez votre mot de passe Teamgate$/);
  expect(mail).toContain("pendant 30 minutes");
  await context.close();
  await account.context.close();
});
