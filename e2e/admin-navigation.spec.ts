import type { Page } from "@playwright/test";
import { addStoredSession, expect, SEED_USERS, test } from "./fixtures";
import { openInviteDialog, uniqueEmail } from "./helpers";

const INVITATIONS = "/teams/acme/settings/invitations";
const rangeText = (page: Page) => page.getByText(/^(\d[\d,]*–\d[\d,]* of )?\d[\d,]*\+? invitations?(;.*)?$/);

async function inviteBatch(page: Page, emails: string[]) {
  await page.goto(INVITATIONS);
  const dialog = await openInviteDialog(page);
  await dialog.getByLabel("Email addresses").fill(emails.join("\n"));
  await expect(dialog.getByRole("list", { name: "Address check" }).getByText("Will be invited")).toHaveCount(
    emails.length,
  );
  await dialog.getByRole("button", { name: /Send invitations/ }).click();
  // One send of 25 rows can take a while on a busy machine.
  await expect(dialog.getByText(/invitations sent/)).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
}

test.describe("the invitations table and its URL", () => {
  test.use({ signedInAs: "owner@acme.test" });

  test("a bulk send lists in address order, and Back and Forward keep the table on the URL's page", async ({
    page,
  }) => {
    const prefix = `batch-${Date.now().toString(36)}`;
    // Entered out of order: one send gives every row the same createdAt.
    const numbers = [22, 10, 5, 17, 1, 13, 24, 8, 19, 3, 15, 11, 25, 6, 20, 2, 14, 9, 23, 4, 16, 12, 21, 7, 18];
    const emails = numbers.map((n) => `${prefix}-user${String(n).padStart(2, "0")}@example.com`);
    await inviteBatch(page, emails);

    await page.goto(`${INVITATIONS}?q=${prefix}&perPage=10`);
    const sorted = [...emails].sort();
    const firstColumn = page.locator("tbody tr td:nth-child(2)");
    await expect(firstColumn).toHaveText(sorted.slice(0, 10));

    const next = page.getByRole("button", { name: "Next page" });
    await next.click();
    await expect(page).toHaveURL(/page=2/);
    await expect(rangeText(page)).toHaveText("11–20 of 25 invitations");
    await next.click();
    await expect(page).toHaveURL(/page=3/);
    await expect(rangeText(page)).toHaveText("21–25 of 25 invitations");
    await expect(firstColumn).toHaveText(sorted.slice(20));

    for (const [move, url, range, rows] of [
      ["back", /page=2/, "11–20 of 25 invitations", sorted.slice(10, 20)],
      ["back", /^(?!.*page=)/, "1–10 of 25 invitations", sorted.slice(0, 10)],
      ["forward", /page=2/, "11–20 of 25 invitations", sorted.slice(10, 20)],
    ] as const) {
      if (move === "back") await page.goBack();
      else await page.goForward();
      await expect(page).toHaveURL(url);
      await expect(rangeText(page)).toHaveText(range);
      await expect(firstColumn).toHaveText(rows);
      // Nothing moves the URL or the table afterwards.
      await page.waitForTimeout(1000);
      await expect(page).toHaveURL(url);
      await expect(rangeText(page)).toHaveText(range);
    }
  });
});

test.describe("the table URL is cleaned, never a schema error", () => {
  test("unknown values are dropped from the address and the table shows the rest", async ({ page }) => {
    await addStoredSession(page.context(), "owner@acme.test");
    await page.goto(`${INVITATIONS}?status=NOPE,PENDING&perPage=7&sort=password&page=abc`);
    await expect(page).toHaveURL(new RegExp(`${INVITATIONS}\\?status=PENDING$`));
    await expect(page.getByText(/Invalid option|expected one of/)).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Invitations", exact: true })).toBeVisible();

    await page.goto(`${INVITATIONS}?status=NOPE`);
    await expect(page).toHaveURL(new RegExp(`${INVITATIONS}$`));
    await expect(page.getByRole("heading", { name: "Invitations", exact: true })).toBeVisible();

    await page.goto("/teams/acme/settings/members?perPage=3&page=0");
    await expect(page).toHaveURL(/\/teams\/acme\/settings\/members$/);
    await expect(page.getByRole("cell", { name: /owner@acme\.test/ }).first()).toBeVisible();
  });
});

test.describe("the header", () => {
  test("the personal inbox is 'Your invitations'; the team's sent invitations keep the name Invitations", async ({
    page,
  }) => {
    await addStoredSession(page.context(), "admin@acme.test");
    await page.goto("/");
    const header = page.getByRole("banner");
    const inbox = header.getByRole("link", { name: /^Your invitations/ });
    await expect(inbox).toBeVisible();
    await expect(header.getByRole("link", { name: /^Invitations/ })).toHaveCount(0);
    await inbox.click();
    await expect(page).toHaveURL(/\/invitations$/);
    await expect(page.getByRole("heading", { name: "Your invitations" })).toBeVisible();
  });

  test("a one-team user reaches their team's Settings from any page and never sees 'Choose a team'", async ({
    page,
  }) => {
    await addStoredSession(page.context(), "admin@acme.test");
    for (const path of ["/", "/invitations", "/account/api-keys"]) {
      await page.goto(path);
      const header = page.getByRole("banner");
      await expect(header.getByRole("button", { name: /switch team/ })).toHaveAccessibleName("Acme: switch team");
      await expect(header.getByText("Choose a team")).toHaveCount(0);
    }
    await page.getByRole("banner").getByRole("link", { name: "Settings for Acme" }).click();
    await expect(page).toHaveURL(/\/teams\/acme\/settings\/members$/);
    await page.getByRole("navigation", { name: "Team settings" }).getByRole("link", { name: "Invitations" }).click();
    await expect(page.getByRole("heading", { name: "Invitations", exact: true })).toBeVisible();
  });

  test("a member reaches the settings pages their role can see", async ({ page }) => {
    await addStoredSession(page.context(), "member@acme.test");
    await page.goto("/");
    await page.getByRole("banner").getByRole("link", { name: "Settings for Acme" }).click();
    await expect(page).toHaveURL(/\/teams\/acme\/settings\/members$/);
    await expect(
      page.getByRole("navigation", { name: "Team settings" }).getByRole("link", { name: "Invitations" }),
    ).toHaveCount(0);
  });

  test("with several teams, the header remembers the team last opened", async ({ page }) => {
    await addStoredSession(page.context(), "owner@globex.test");
    await page.goto("/");
    const header = page.getByRole("banner");
    await expect(header.getByRole("button", { name: /switch team/ })).toHaveAccessibleName(
      "Choose a team: switch team",
    );
    await expect(header.getByRole("link", { name: /^Settings for/ })).toHaveCount(0);

    await header.getByRole("button", { name: /switch team/ }).click();
    await page.getByRole("menuitem", { name: "Initech" }).click();
    await expect(page).toHaveURL(/\/teams\/initech$/);
    // The header remembers the team once the page has run its effect; a user never leaves faster than that.
    await expect
      .poll(async () => (await page.context().cookies()).find((cookie) => cookie.name === "teamgate-last-team")?.value)
      .toBe("initech");
    await page.goto("/account/api-keys");
    await expect(header.getByRole("button", { name: /switch team/ })).toHaveAccessibleName("Initech: switch team");
    await header.getByRole("link", { name: "Settings for Initech" }).click();
    await expect(page).toHaveURL(/\/teams\/initech\/settings\/members$/);
  });
});

test.describe("at 375 px", () => {
  for (const email of SEED_USERS) {
    test(`no page scrolls sideways for ${email}`, async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 800 });
      await addStoredSession(page.context(), email);
      const routes = ["/", "/invitations", "/account/api-keys", "/docs/api"];
      for (const slug of email.endsWith("@acme.test") ? ["acme"] : ["globex", "initech"]) {
        routes.push(
          `/teams/${slug}`,
          ...[
            "members",
            "invitations",
            "requests",
            "invite-links",
            "roles",
            "domains",
            "general",
            "webhooks",
            "activity",
          ].map((tab) => `/teams/${slug}/settings/${tab}`),
        );
      }
      // Up to 24 pages in one test: its budget grows with them (on a loaded 2-core machine a page took 2.5 s).
      test.setTimeout(routes.length * 8_000);
      for (const route of routes) {
        await page.goto(route);
        await expect(page.getByRole("heading").first()).toBeVisible();
        const { documentWidth, viewport } = await page.evaluate(() => ({
          documentWidth: document.documentElement.scrollWidth,
          viewport: window.innerWidth,
        }));
        expect(documentWidth, `${route} is ${documentWidth}px wide`).toBeLessThanOrEqual(viewport);
        const account = page.getByRole("button", { name: /^Account menu/ });
        if (route !== "/docs/api") {
          const box = await account.boundingBox();
          expect(box && box.x + box.width <= viewport, `${route}: the account menu is on screen`).toBe(true);
        }
      }
    });
  }
});

test.describe("members and the team's home know about invitations", () => {
  test("Members invites with the same dialog and links the pending invitations with their count", async ({ page }) => {
    await addStoredSession(page.context(), "owner@acme.test");
    await page.goto("/teams/acme/settings/members");
    const pendingLink = page.getByRole("link", { name: /pending invitations? waiting for an answer/ });
    const countOf = async () =>
      Number((await pendingLink.innerText()).match(/^([\d,]+) pending/)![1]!.replace(/,/g, ""));
    const before = await countOf();

    const email = uniqueEmail("from-members");
    const dialog = await openInviteDialog(page);
    await dialog.getByLabel("Email addresses").fill(email);
    await dialog.getByRole("button", { name: /Send invitations?/ }).click();
    await expect(dialog.getByText(/invitation sent/)).toBeVisible();
    await dialog.getByRole("button", { name: "Done" }).click();
    // Other specs invite into Acme at the same time: the count has at least ours more.
    await expect.poll(countOf).toBeGreaterThanOrEqual(before + 1);

    await pendingLink.click();
    await expect(page).toHaveURL(/\/teams\/acme\/settings\/invitations\?status=PENDING$/);
    await expect(page.getByRole("row").filter({ hasText: email })).toBeVisible();
  });

  test("the team's home shows the role, the size and, for admins, the invitations expiring first with Resend", async ({
    page,
  }) => {
    await addStoredSession(page.context(), "owner@acme.test");
    await inviteBatch(page, [uniqueEmail("home-a"), uniqueEmail("home-b")]);
    await page.goto("/teams/acme");
    await expect(page.getByRole("heading", { name: "Acme", level: 1 })).toBeVisible();
    await expect(page.getByText("Your role: Owner")).toBeVisible();
    await expect(page.getByText(/^\d+ members?$/)).toBeVisible();
    const pending = page.getByRole("region", { name: "Pending invitations" });
    await expect(pending.getByRole("button", { name: "Invite users" })).toBeVisible();
    const resend = pending.getByRole("button", { name: /^Resend the invitation to / }).first();
    const email = (await resend.getAttribute("aria-label"))!.replace("Resend the invitation to ", "");
    await resend.click();
    await expect(page.getByText(`Invitation sent again to ${email}`)).toBeVisible();
    await pending.getByRole("link", { name: /^See all \d+ pending invitations?$/ }).click();
    await expect(page).toHaveURL(/status=PENDING&sort=expiresAt&order=asc/);

    await page.context().clearCookies();
    await addStoredSession(page.context(), "member@acme.test");
    await page.goto("/teams/acme");
    await expect(page.getByText("Your role: Member")).toBeVisible();
    await expect(page.getByRole("region", { name: "Pending invitations" })).toHaveCount(0);
  });
});
