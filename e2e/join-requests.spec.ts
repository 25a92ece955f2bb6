import type { Browser, Locator, Page } from "@playwright/test";
import { addStoredSession, expect, test, type SeedUser } from "./fixtures";
import { expectNoSeriousViolations, inviteThroughUi, readMail, signUpThroughLink, uniqueEmail } from "./helpers";

// Issue 18 item 2: a member suggests an address and an admin approves it into an invitation; a
// person on an allowed domain asks to join and an admin declines with a reason, which reaches the
// asker's inbox. Globex is opened to example.com (every address the suite invites there) only for
// the second walk, and closed again afterwards.

test.describe.configure({ timeout: 240_000 });
const slow = expect.configure({ timeout: 30_000 });

function clientAddress() {
  const octet = () => Math.floor(Math.random() * 254) + 1;
  return `198.18.${octet()}.${octet()}`;
}

async function signedIn(browser: Browser, user: SeedUser | null) {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });
  if (user) await addStoredSession(context, user);
  return { context, page: await context.newPage() };
}

/** Both widths the app supports, light and dark, each checked for sideways scrolling before the picture is taken. */
async function shots(page: Page, name: string, key: Locator) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      await expect(key.first()).toBeVisible();
      const { documentWidth, viewport } = await page.evaluate(() => ({
        documentWidth: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
      }));
      expect(documentWidth, `${name} at ${width} px`).toBeLessThanOrEqual(viewport);
      await page.waitForTimeout(300);
      await page.screenshot({
        path: `e2e/screenshots/join-requests-${name}-${colorScheme}-${width}.png`,
        fullPage: true,
      });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("a member suggests an address; an admin sees the count in the navigation and approves it into an invitation", async ({
  browser,
}) => {
  const suggested = uniqueEmail("suggested");
  const member = await signedIn(browser, "member@acme.test");
  await member.page.goto("/teams/acme");
  const form = member.page.locator("form").filter({ has: member.page.getByLabel("Note for the admins (optional)") });
  await shots(member.page, "suggest", member.page.getByText("Suggest someone"));
  await expectNoSeriousViolations(member.page);
  await form.getByLabel("Email address").fill(suggested);
  await form.getByLabel("Note for the admins (optional)").fill("Joins the design team in May");
  await form.getByRole("button", { name: "Suggest" }).click();
  await slow(member.page.getByText(`Suggested ${suggested}: an admin will review it.`)).toBeVisible();
  // The same address again is answered clearly.
  await form.getByLabel("Email address").fill(suggested);
  await form.getByRole("button", { name: "Suggest" }).click();
  await slow(member.page.getByText(/is already waiting for an admin's answer/)).toBeVisible();
  await member.context.close();

  const admin = await signedIn(browser, "admin@acme.test");
  await admin.page.goto("/teams/acme/settings/members");
  const nav = admin.page.getByRole("navigation", { name: "Team settings" });
  const requestsLink = nav.getByRole("link", { name: /^Requests/ });
  await expect(requestsLink.getByTestId("settings-nav-count")).toHaveText(/^[1-9]\d*$/);
  await requestsLink.click();
  await expect(admin.page).toHaveURL(/\/teams\/acme\/settings\/requests$/);
  const item = admin.page.getByTestId("join-request").filter({ hasText: suggested });
  await expect(item.getByText("Suggested by Mia Member")).toBeVisible();
  await expect(item.getByText("Joins the design team in May")).toBeVisible();
  const pending = await admin.page.getByTestId("join-request").count();
  await expect(requestsLink.getByTestId("settings-nav-count")).toHaveText(String(pending));
  await shots(admin.page, "queue", item);
  await expectNoSeriousViolations(admin.page);

  await item.getByRole("button", { name: "Approve" }).click();
  await slow(admin.page.getByText(`Invitation sent to ${suggested}`)).toBeVisible();
  await expect(item).toHaveCount(0);

  await admin.page.goto(`/teams/acme/settings/invitations?q=${encodeURIComponent(suggested)}`);
  await expect(admin.page.getByRole("row").filter({ hasText: suggested })).toContainText("Pending");
  await admin.context.close();
});

test("a person on an allowed domain asks to join; an admin declines with a reason, which reaches their inbox", async ({
  browser,
}) => {
  // A verified example.com account, made the way people get one: invited to Acme, signed up from the link.
  const email = uniqueEmail("asker");
  const inviter = await signedIn(browser, "admin@acme.test");
  const link = await inviteThroughUi(inviter.page, [email]);
  await inviter.context.close();
  const asker = await signedIn(browser, null);
  await signUpThroughLink(asker.page, link!, "Ari Asker");

  const owner = await signedIn(browser, "owner@globex.test");
  try {
    await owner.page.goto("/teams/globex/settings/domains");
    await owner.page.getByRole("textbox", { name: "Allowed email domains" }).fill("example.com");
    await owner.page.getByRole("button", { name: "Save domains" }).click();
    await expect(owner.page.getByText("Invitations are limited to 1 domain")).toBeVisible();
    await owner.page.getByRole("radio", { name: /^Ask to join/ }).check();
    await owner.page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(owner.page.getByText("Joining setting saved")).toBeVisible();
    await shots(owner.page, "policy", owner.page.getByRole("group", { name: "Joining from these domains" }));
    await expectNoSeriousViolations(owner.page);

    await asker.page.goto("/");
    const section = asker.page.getByRole("region", { name: "Teams you can join" });
    const globex = section.getByRole("listitem").filter({ hasText: "Globex" });
    await shots(asker.page, "discover", globex);
    await expectNoSeriousViolations(asker.page);
    await globex.getByRole("button", { name: "Ask to join" }).click();
    await slow(asker.page.getByText("Request sent to the admins of Globex")).toBeVisible();
    await slow(globex.getByText("Request sent")).toBeVisible();

    await owner.page.goto("/teams/globex/settings/requests");
    const request = owner.page.getByTestId("join-request").filter({ hasText: email });
    await expect(request.getByText("Asks to join")).toBeVisible();
    await request.getByRole("button", { name: "Reject" }).click();
    const dialog = owner.page.getByRole("alertdialog", { name: `Decline the request for ${email}?` });
    await dialog.getByLabel("Reason (optional)").fill("Globex is for the finance team only");
    await dialog.getByRole("button", { name: "Decline request" }).click();
    await slow(owner.page.getByText(`Request for ${email} declined`)).toBeVisible();
    await expect(request).toHaveCount(0);

    const text = await readMail(owner.page, email, /Your request to join Globex was declined/);
    expect(text).toContain("Your request to join Globex was declined.");
    expect(text).toContain("Globex is for the finance team only");
  } finally {
    await owner.page.goto("/teams/globex/settings/domains");
    await owner.page.getByRole("radio", { name: /^Off/ }).check();
    await owner.page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(owner.page.getByText("Joining setting saved")).toBeVisible();
    await owner.page.getByRole("textbox", { name: "Allowed email domains" }).fill("");
    await owner.page.getByRole("button", { name: "Save domains" }).click();
    await expect(owner.page.getByText("Invitations may go to any domain")).toBeVisible();
    await owner.context.close();
    await asker.context.close();
  }
});
