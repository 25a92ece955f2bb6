import { expect, test, type Browser } from "@playwright/test";
import { inviteThroughUi, signIn, uniqueEmail } from "./helpers";

async function adminInvites(browser: Browser, emails: string[], options: { role?: string; language?: string; inviter?: string; team?: string } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, options.inviter ?? "admin@acme.test");
  const link = await inviteThroughUi(page, emails, options);
  return { context, page, link: link! };
}

test("a new user follows the emailed link, creates an account and joins with the role", async ({ browser, page }) => {
  const email = uniqueEmail("newbie");
  const admin = await adminInvites(browser, [email], { role: "Admin" });

  await expect(async () => {
    await page.goto("/dev/mailbox");
    await page.getByRole("row").filter({ hasText: email }).getByRole("link").click({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("heading", { name: "Join Acme on Teamgate" })).toBeVisible();
  await page.getByText("Plain-text version").click();
  const text = await page.locator("pre").innerText();
  const link = text.match(/http\S+\/invite\/tgi_[A-Za-z0-9_-]{43}/)?.[0];
  expect(link).toBe(admin.link);

  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "Adam Admin invited you to join Acme" })).toBeVisible();
  await expect(page.getByText("Admin", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(page.getByLabel("Email")).toHaveAttribute("readonly", "");
  await page.getByLabel("Your name").fill("Nova Newbie");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page.getByText("Use at least 12 characters").first()).toBeVisible();
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(/\/teams\/acme\?joined=new/);
  await expect(page.getByText("Welcome to Acme! You joined as an Admin.")).toBeVisible();

  await admin.page.reload();
  await expect(admin.page.getByRole("row").filter({ hasText: email }).getByText("Accepted")).toBeVisible();
  await admin.context.close();
});

test("an existing user signs in from the invitation, then accepts", async ({ browser, page }) => {
  // A fresh account (made through an Acme invitation) so the seeded users stay as they are.
  const email = uniqueEmail("existing");
  const first = await adminInvites(browser, [email]);
  await page.goto(first.link);
  await page.getByLabel("Your name").fill("Existing User");
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(/joined=new/);
  await page.context().clearCookies();
  await first.context.close();

  const globex = await adminInvites(browser, [email], { inviter: "owner@globex.test", team: "globex" });
  await page.goto(globex.link);
  await expect(page.getByText(`An account for ${email} exists. Sign in to accept.`)).toBeVisible();
  await page.getByRole("link", { name: "Sign in to accept" }).click();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(page.getByLabel("Email")).toHaveAttribute("readonly", "");
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(globex.link);
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByText("Welcome to Globex! You joined as a Member.")).toBeVisible();
  await page.getByRole("button", { name: /switch team/ }).click();
  await expect(page.getByRole("menuitem", { name: "Acme" })).toBeVisible();
  await globex.context.close();
});

test("signed in as someone else: says so, accepts nothing, offers to switch", async ({ browser, page }) => {
  const email = uniqueEmail("someone");
  const admin = await adminInvites(browser, [email]);
  await signIn(page, "member@acme.test");
  await page.goto(admin.link);
  await expect(page.getByText(`This invitation is for ${email}; you are signed in as member@acme.test.`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Accept" })).toHaveCount(0);
  await page.getByRole("button", { name: "Sign out and continue" }).click();
  await expect(page.getByRole("button", { name: "Create account and join" })).toBeVisible();
  await admin.context.close();
});

test("decline asks first, takes a reason, and the admin sees it", async ({ browser, page }) => {
  const email = uniqueEmail("decliner");
  const admin = await adminInvites(browser, [email], { language: "Français" });
  await page.goto(admin.link);
  await expect(page.getByRole("heading", { name: "Adam Admin vous invite à rejoindre Acme" })).toBeVisible();
  await page.getByRole("button", { name: "Refuser", exact: true }).first().click();
  const dialog = page.getByRole("alertdialog");
  await dialog.getByLabel("Raison (facultatif)").fill("Mauvaise équipe");
  await dialog.getByRole("button", { name: "Refuser l’invitation" }).click();
  await expect(page.getByRole("heading", { name: "Invitation refusée" })).toBeVisible();

  await admin.page.reload();
  await admin.page.getByRole("button", { name: `Actions for ${email}` }).click();
  await admin.page.getByRole("menuitem", { name: "View details" }).click();
  await expect(admin.page.getByRole("dialog").getByText("Mauvaise équipe")).toBeVisible();
  await admin.context.close();
});

test("dead and unknown links say so and offer nothing to click", async ({ browser, page }) => {
  await page.goto("/invite/tgi_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  await expect(page.getByRole("heading", { name: "This invitation link is not valid" })).toBeVisible();
  await page.goto("/invite/not-even-a-token");
  await expect(page.getByRole("heading", { name: "This invitation link is not valid" })).toBeVisible();
  await expect(page.getByRole("button")).toHaveCount(0);

  const email = uniqueEmail("used");
  const admin = await adminInvites(browser, [email]);
  await page.goto(admin.link);
  await page.getByLabel("Your name").fill("Used Once");
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(/joined=new/);
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(admin.link);
  await expect(strangerPage.getByRole("heading", { name: "This invitation has already been used" })).toBeVisible();
  await expect(strangerPage.getByRole("button", { name: "Accept" })).toHaveCount(0);
  await stranger.close();
  await admin.context.close();
});

test("opening the link by GET changes nothing, and the page leaks nothing", async ({ browser, request, page }) => {
  const email = uniqueEmail("scanner");
  const admin = await adminInvites(browser, [email]);
  for (let i = 0; i < 3; i += 1) {
    const response = await request.get(admin.link);
    expect(response.status()).toBe(200);
    expect(response.headers()["referrer-policy"]).toBe("no-referrer");
  }
  await admin.page.reload();
  await expect(admin.page.getByRole("row").filter({ hasText: email }).getByText("Pending")).toBeVisible();

  const origins = new Set<string>();
  page.on("request", (r) => origins.add(new URL(r.url()).origin));
  await page.goto(admin.link);
  await expect(page.getByRole("button", { name: "Create account and join" })).toBeVisible();
  expect([...origins]).toEqual([new URL(admin.link).origin]);
  await admin.context.close();
});

test("the invitation pages are rate-limited per client", async ({ request }) => {
  const client = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
  // The e2e server allows 120 a minute in fixed windows; 241 requests cannot all fit in two windows.
  let limited = 0;
  for (let i = 0; i < 241; i += 1) {
    const response = await request.get(`/invite/tgi_guess${i}`, { headers: { "x-forwarded-for": client }, maxRedirects: 0 });
    if (response.status() === 429) {
      limited += 1;
      expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
    }
  }
  expect(limited).toBeGreaterThan(0);
});
