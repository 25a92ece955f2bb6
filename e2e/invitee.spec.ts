import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, storageStateOf, test, type SeedUser } from "./fixtures";
import {
  databaseReachable,
  inviteThroughUi,
  openRowMenu,
  runSqlWhereInvited,
  signIn,
  signUpThroughLink,
  uniqueEmail,
} from "./helpers";

const INVITATIONS = "/teams/acme/settings/invitations";

async function adminInvites(
  browser: Browser,
  emails: string[],
  options: { role?: string; language?: string; inviter?: SeedUser; team?: string } = {},
) {
  const context = await browser.newContext({ storageState: storageStateOf(options.inviter ?? "admin@acme.test") });
  const page = await context.newPage();
  const link = await inviteThroughUi(page, emails, options);
  return { context, page, link: link! };
}

async function rowAction(page: Page, email: string, item: string) {
  await page.goto(INVITATIONS);
  const menu = await openRowMenu(page, email);
  await menu.getByRole("menuitem", { name: item }).click();
}

/** The link of a pending invitation, as an admin reads it from the details dialog. */
async function currentLink(page: Page, email: string) {
  await rowAction(page, email, "View details");
  const details = page.getByRole("dialog", { name: "Invitation details" });
  await details.getByRole("button", { name: "Copy link" }).click();
  const link = await details.getByLabel("Invitation link").inputValue();
  await page.keyboard.press("Escape");
  return link;
}

/** A client address of its own (one X-Forwarded-For entry), so rate-limit tests neither disturb others nor get disturbed. */
function clientAddress() {
  const octet = () => Math.floor(Math.random() * 254) + 1;
  return `198.18.${octet()}.${octet()}`;
}

/** Spends the rest of this client's invitation-page allowance for the current minute. */
async function exhaustInvitePageLimit(request: APIRequestContext, link: string) {
  // The limit counts per clock minute (the database's, this machine's): spent in a minute's last
  // seconds, it would start afresh before the request that must be refused.
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 35_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
  // Ten at a time: each allowed request renders the whole page, which a loaded machine does slowly.
  for (let i = 0; i < 30; i += 1) {
    const answers = await Promise.all(Array.from({ length: 10 }, () => request.get(link, { maxRedirects: 0 })));
    if (answers.some((answer) => answer.status() === 429)) return;
  }
  throw new Error("The invitation pages were never rate-limited");
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

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
  await expect(page.getByText("Use between 12 and 200 characters.")).toBeVisible();
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(/\/teams\/acme\?joined=new/);
  await expect(page.getByText("Welcome to Acme! You joined as an Admin.")).toBeVisible();

  await admin.page.reload();
  await expect(admin.page.getByRole("row").filter({ hasText: email }).getByText("Accepted")).toBeVisible();
  await admin.context.close();
});

test("a French invitation says its errors in French, even when the rate limiter refuses the request", async ({
  browser,
}) => {
  test.slow();
  const admin = await adminInvites(browser, [uniqueEmail("francais")], { language: "Français" });
  await admin.context.close();

  const invitee = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });
  const page = await invitee.newPage();
  await page.goto(admin.link);
  await expect(page.locator("main")).toHaveAttribute("lang", "fr");
  await page.getByRole("button", { name: "Créer mon compte et rejoindre" }).click();
  await expect(page.getByText("Indiquez votre nom, 100 caractères au plus.")).toBeVisible();
  await expect(page.getByText("Utilisez entre 12 et 200 caractères.")).toBeVisible();
  await expect(page.getByText(/Use at least|Enter your name/)).toHaveCount(0);

  await page.getByLabel("Votre nom").fill("Camille");
  await page.getByLabel("Mot de passe").fill("un-mot-de-passe-assez-long");
  await exhaustInvitePageLimit(invitee.request, admin.link);
  await page.getByRole("button", { name: "Créer mon compte et rejoindre" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "La demande n’a pas abouti." })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Something went wrong" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Créer mon compte et rejoindre" })).toBeEnabled();
  await invitee.close();
});

test("signed in as someone else: says so, accepts nothing, offers to switch", async ({ browser, page }) => {
  const email = uniqueEmail("someone");
  const admin = await adminInvites(browser, [email]);
  // Through the form: "Sign out and continue" ends this session, which the stored one must outlive.
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

  await page.goto(admin.link);
  await expect(page.getByRole("heading", { name: "Cette invitation a été refusée" })).toBeVisible();
  await expect(page.getByRole("button")).toHaveCount(0);

  await rowAction(admin.page, email, "View details");
  await expect(admin.page.getByRole("dialog").getByText("Mauvaise équipe")).toBeVisible();
  await admin.context.close();
});

test("dead and unknown links say so and offer nothing to click", async ({ browser, page }) => {
  // A long walk (four invitations, a sign-up, withdraw, delete, resend): more than 60 s on a loaded 2-core machine.
  test.slow();
  await page.goto("/invite/tgi_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  await expect(page.getByRole("heading", { name: "This invitation link is not valid" })).toBeVisible();
  const unknownText = await page.locator("main").innerText();
  await page.goto("/invite/not-even-a-token");
  await expect(page.getByRole("heading", { name: "This invitation link is not valid" })).toBeVisible();
  await expect(page.getByRole("button")).toHaveCount(0);

  const [used, withdrawn, deleted, resent] = [
    uniqueEmail("used"),
    uniqueEmail("withdrawn"),
    uniqueEmail("deleted"),
    uniqueEmail("resent"),
  ] as const;
  const admin = await adminInvites(browser, [used]);
  const links: Record<string, string> = { used: admin.link };
  for (const [label, email] of [
    ["withdrawn", withdrawn],
    ["deleted", deleted],
    ["resent", resent],
  ] as const) {
    links[label] = (await inviteThroughUi(admin.page, [email]))!;
  }

  await signUpThroughLink(page, links.used!);
  await rowAction(admin.page, withdrawn, "Withdraw");
  await admin.page.getByRole("alertdialog").getByRole("button", { name: "Withdraw" }).click();
  await expect(admin.page.getByText(`Invitation to ${withdrawn} withdrawn`)).toBeVisible();
  await rowAction(admin.page, deleted, "Delete");
  await admin.page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(admin.page.getByText(`Invitation to ${deleted} deleted`)).toBeVisible();
  await rowAction(admin.page, resent, "Resend");
  await expect(admin.page.getByText(`Invitation sent again to ${resent}`)).toBeVisible();
  // A resend mails the same link again (a replaced link is invitation-links.spec.ts's walk).
  const newLink = await currentLink(admin.page, resent);
  expect(newLink).toBe(links.resent);

  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  const expectDead = async (link: string, heading: string) => {
    await strangerPage.goto(link);
    await expect(strangerPage.getByRole("heading", { name: heading })).toBeVisible();
    await expect(strangerPage.getByRole("button")).toHaveCount(0);
    await expect(strangerPage.getByRole("textbox")).toHaveCount(0);
  };
  await expectDead(links.used!, "This invitation has already been used");
  await expectDead(links.withdrawn!, "This invitation was withdrawn");
  // A deleted invitation's link is an unknown token now: the same page, word for word.
  await expectDead(links.deleted!, "This invitation link is not valid");
  expect(await strangerPage.locator("main").innerText()).toBe(unknownText);

  await strangerPage.goto(newLink);
  await expect(strangerPage.getByRole("button", { name: "Create account and join" })).toBeVisible();
  await stranger.close();
  await admin.context.close();
});

test("a withdrawn link answers as fast as an unknown one and tells a stranger nothing about anyone", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const email = uniqueEmail("timing");
  const admin = await adminInvites(browser, [email]);
  await rowAction(admin.page, email, "Withdraw");
  await admin.page.getByRole("alertdialog").getByRole("button", { name: "Withdraw" }).click();
  await expect(admin.page.getByText(`Invitation to ${email} withdrawn`)).toBeVisible();
  await admin.context.close();

  const request = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { "x-forwarded-for": clientAddress() },
  });
  const withdrawnPath = new URL(admin.link).pathname;
  const unknownPath = () =>
    `/invite/tgi_${Array.from({ length: 43 }, () => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[Math.floor(Math.random() * 64)]).join("")}`;
  const timed = async (path: string) => {
    const started = performance.now();
    const response = await request.get(path);
    const elapsed = performance.now() - started;
    expect(response.status()).toBe(200);
    return { elapsed, html: await response.text() };
  };

  for (let i = 0; i < 3; i += 1) {
    await timed(withdrawnPath);
    await timed(unknownPath());
  }
  const unknown: number[] = [];
  const withdrawn: number[] = [];
  let withdrawnHtml = "";
  for (let i = 0; i < 15; i += 1) {
    // Interleaved, so a slow moment of the machine falls on both sides.
    unknown.push((await timed(unknownPath())).elapsed);
    const answer = await timed(withdrawnPath);
    withdrawn.push(answer.elapsed);
    withdrawnHtml = answer.html;
  }
  const [u, w] = [median(unknown), median(withdrawn)];
  expect({ unknown: Math.round(u), withdrawn: Math.round(w), close: w / u < 2 || Math.abs(w - u) < 15 }).toMatchObject({
    close: true,
  });

  // The dead page may name the team and the state; never the address, the inviter or the role.
  expect(withdrawnHtml).toContain("This invitation was withdrawn");
  for (const secret of [email, "Adam Admin", "admin@acme.test", "Member"]) expect(withdrawnHtml).not.toContain(secret);
  await request.dispose();
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
    const response = await request.get(`/invite/tgi_guess${i}`, {
      headers: { "x-forwarded-for": client },
      maxRedirects: 0,
    });
    if (response.status() === 429) {
      limited += 1;
      expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
    }
  }
  expect(limited).toBeGreaterThan(0);

  // A window may close between two requests; 121 more always spend the new one too.
  const getLimited = async (headers: Record<string, string>) => {
    for (let i = 0; i <= 120; i += 1) {
      const response = await request.get("/invite/tgi_guess-last", {
        headers: { "x-forwarded-for": client, ...headers },
        maxRedirects: 0,
      });
      if (response.status() === 429) return response;
    }
    throw new Error("the invitation page was never rate-limited");
  };

  // Limited: a browser gets a page in its own language, a script plain text; neither loads anything else.
  const page = await getLimited({ accept: "text/html", "accept-language": "fr-CH, fr;q=0.9, en;q=0.5" });
  expect(page.headers()["content-type"]).toContain("text/html");
  const html = await page.text();
  expect(html).toContain('lang="fr"');
  expect(html).toContain("Trop de requêtes. Patientez une minute puis réessayez.");
  expect(html).not.toMatch(/src=|href=/);
  const plain = await getLimited({});
  expect(plain.headers()["content-type"]).toContain("text/plain");
  expect(await plain.text()).toBe("Too many requests. Wait a minute and try again.");
});

test("received invitations: the badge counts them, decline asks first, accept joins and the badge goes", async ({
  browser,
  page,
}) => {
  // Two accounts, three invitations and a dozen page loads: under CI load on PGlite it can pass a minute.
  test.slow();
  const email = uniqueEmail("receiver");
  const owner = await browser.newContext({ storageState: storageStateOf("owner@acme.test") });
  const ownerPage = await owner.newPage();
  // An account of its own: joins through an invitation, is removed, then invited again.
  await signUpThroughLink(page, (await inviteThroughUi(ownerPage, [email]))!);
  await ownerPage.goto("/teams/acme/settings/members");
  const menu = await openRowMenu(ownerPage, email);
  await menu.getByRole("menuitem", { name: "Remove from team" }).click();
  await ownerPage.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
  await expect(ownerPage.getByRole("row").filter({ hasText: email })).toHaveCount(0);
  await inviteThroughUi(ownerPage, [email]);
  // Removed from their only team, they were signed out everywhere; they sign in again.
  await page.goto("/invitations");
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, email, "a-long-enough-password", "/invitations");

  const badgeLink = page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: /^Your invitations/ });
  await page.goto("/invitations");
  await expect(badgeLink).toHaveAccessibleName("Your invitations: 1 pending");
  await expect(badgeLink).toContainText("1");

  await page.getByRole("button", { name: "Decline invitation to Acme" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Decline the invitation to Acme?" });
  await confirm.getByLabel("Reason (optional)").fill("Not now");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("button", { name: "Decline invitation to Acme" })).toBeFocused();
  await expect(badgeLink).toHaveAccessibleName("Your invitations: 1 pending");

  await page.getByRole("button", { name: "Decline invitation to Acme" }).click();
  await confirm.getByLabel("Reason (optional)").fill("Not now");
  await confirm.getByRole("button", { name: "Decline invitation" }).click();
  await expect(page.getByText("You declined the invitation to Acme.")).toBeVisible();
  await expect(page.getByText("No pending invitations")).toBeVisible();
  await expect(badgeLink).toHaveAccessibleName("Your invitations");

  await ownerPage.goto(INVITATIONS);
  await ownerPage
    .getByRole("row")
    .filter({ hasText: email })
    .filter({ hasText: "Declined" })
    .getByRole("button", { name: `Actions for ${email}` })
    .click();
  await ownerPage.getByRole("menuitem", { name: "View details" }).click();
  await expect(ownerPage.getByRole("dialog").getByText("Not now")).toBeVisible();
  await ownerPage.keyboard.press("Escape");
  await inviteThroughUi(ownerPage, [email], { role: "Admin" });
  await page.reload();
  await expect(badgeLink).toHaveAccessibleName("Your invitations: 1 pending");
  await page.getByRole("button", { name: "Accept invitation to Acme" }).click();
  await expect(page).toHaveURL(/\/teams\/acme\?joined=new/);
  await expect(page.getByText("Welcome to Acme! You joined as an Admin.")).toBeVisible();
  await expect(badgeLink).toHaveAccessibleName("Your invitations");
  await owner.close();
});

// Last in this file: it gives Globex its first invitation, and the admin spec expects Globex
// empty when it starts.
test("an existing user signs in from the invitation, then accepts; the token stays out of the sign-in URL", async ({
  browser,
  page,
}) => {
  test.slow();
  // A fresh account (made through an Acme invitation) so the seeded users stay as they are.
  const email = uniqueEmail("existing");
  const first = await adminInvites(browser, [email]);
  await signUpThroughLink(page, first.link, "Existing User");
  await page.context().clearCookies();
  await first.context.close();

  const globex = await adminInvites(browser, [email], { inviter: "owner@globex.test", team: "globex" });
  await page.goto(globex.link);
  await expect(page.getByText(`An account for ${email} exists. Sign in to accept.`)).toBeVisible();
  await page.getByRole("link", { name: "Sign in to accept" }).click();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Finvite%2Fcontinue&/);
  expect(page.url()).not.toContain("tgi_");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(page.getByLabel("Email")).toHaveAttribute("readonly", "");
  // The sign-in page says which invitation this is for.
  await expect(page.getByRole("note", { name: "Invitation" })).toContainText(
    "Gina Globex invited you to join Globex as a Member.",
  );
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  // Back on the invitation with Accept focused: Enter finishes what sign-in interrupted.
  await expect(page).toHaveURL(`${globex.link}?signedIn=1`);
  await expect(page.getByRole("button", { name: "Accept" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Welcome to Globex! You joined as a Member.")).toBeVisible();
  await page.getByRole("button", { name: /switch team/ }).click();
  await expect(page.getByRole("menuitem", { name: "Acme" })).toBeVisible();
  await globex.context.close();
});

// Expired invitations need time to pass, and a member who still holds a pending invitation
// has no path through the UI; on PostgreSQL the test edits the rows itself.
if (databaseReachable) {
  test.describe("states made by editing the database", () => {
    async function expiredInvitation(browser: Browser, options: { language?: string } = {}) {
      const email = uniqueEmail("expired");
      const admin = await adminInvites(browser, [email], options);
      await runSqlWhereInvited(
        email,
        `UPDATE "Invitation" SET "expiresAt" = now() - interval '1 minute' WHERE "emailCanonical" = $1`,
      );
      return { ...admin, email };
    }

    test("an expired link offers to ask for a new invitation, once, and the inviter hears of it", async ({
      browser,
      page,
    }) => {
      const admin = await expiredInvitation(browser);
      await page.goto(admin.link);
      await expect(page.getByRole("heading", { name: "This invitation has expired" })).toBeVisible();
      await expect(page.getByText("Ask an admin of Acme to send a new one.")).toBeVisible();
      await page.getByRole("button", { name: "Ask for a new invitation" }).click();
      await expect(page.getByText("We've let the team know.")).toBeVisible();
      await page.reload();
      await expect(page.getByText("We've let the team know.")).toBeVisible();
      await expect(page.getByRole("button", { name: "Ask for a new invitation" })).toHaveCount(0);

      await rowAction(admin.page, admin.email, "View details");
      await admin.page
        .getByRole("dialog", { name: "Invitation details" })
        .getByRole("tab", { name: "History" })
        .click();
      await expect(
        admin.page.getByRole("dialog").getByRole("listitem").filter({ hasText: "Invitee asked for a new invitation" }),
      ).toHaveCount(1);
      await admin.context.close();
    });

    test("asking for a new invitation while rate-limited says so in words and can be tried again", async ({
      browser,
    }) => {
      test.slow();
      const admin = await expiredInvitation(browser, { language: "Français" });
      await admin.context.close();
      const invitee = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });
      const page = await invitee.newPage();
      await page.goto(admin.link);
      await expect(page.getByRole("heading", { name: "Cette invitation a expiré" })).toBeVisible();
      await exhaustInvitePageLimit(invitee.request, admin.link);
      await page.getByRole("button", { name: "Demander une nouvelle invitation" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "Votre demande n’a pas pu être envoyée." })).toBeVisible();
      await expect(page.getByRole("button", { name: "Demander une nouvelle invitation" })).toBeEnabled();
      await expect(page.getByText("Nous avons prévenu l’équipe.")).toHaveCount(0);
      await invitee.close();
    });

    test("a member who still holds a pending invitation can go to the team or decline it", async ({
      browser,
      page,
    }) => {
      const email = uniqueEmail("member-again");
      const admin = await adminInvites(browser, [email]);
      await signUpThroughLink(page, admin.link);
      await runSqlWhereInvited(
        email,
        `UPDATE "Invitation" SET "status" = 'PENDING', "pendingKey" = "emailCanonical", "respondedAt" = NULL, "responderId" = NULL WHERE "emailCanonical" = $1`,
      );
      await page.goto(admin.link);
      await expect(page.getByText("You're already a member of Acme.")).toBeVisible();
      await expect(page.getByRole("link", { name: "Go to the team" })).toHaveAttribute("href", "/teams/acme");
      await expect(page.getByRole("button", { name: "Accept" })).toHaveCount(0);
      await page.getByRole("button", { name: "Decline", exact: true }).click();
      await page.getByRole("alertdialog").getByRole("button", { name: "Decline invitation" }).click();
      await expect(page.getByRole("heading", { name: "Invitation declined" })).toBeVisible();
      await admin.context.close();
    });
  });
}
