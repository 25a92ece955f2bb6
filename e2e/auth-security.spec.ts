import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { inviteThroughUi, openInviteDialog, signIn, uniqueEmail } from "./helpers";

const origin = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
const baseURL = origin;

/** Collects every CSP violation the page reports, from the browser's console and the DOM event. */
async function watchForCspViolations(page: Page) {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|CSP violation/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(
        `CSP violation: ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`,
      ),
    );
  });
  return violations;
}

test("a copied session cookie stops working once its owner signs out; the owner's other sessions go on", async ({
  browser,
  page,
}) => {
  await signIn(page, "owner@globex.test");
  const copied = await page.context().cookies();
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, "owner@globex.test");
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/");
  await expect(thiefPage.getByRole("heading", { name: "Welcome, Gina Globex" })).toBeVisible();

  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await thiefPage.goto("/");
  await expect(thiefPage).toHaveURL(/\/sign-in\?callbackUrl=%2F$/);
  await otherPage.goto("/");
  await expect(otherPage.getByRole("heading", { name: "Welcome, Gina Globex" })).toBeVisible();
  await thief.close();
  await other.close();
});

test("sign-in's redirect stays on the site, in the Location header and in the browser", async ({ browser, page }) => {
  await signIn(page, "admin@acme.test");
  for (const callbackUrl of [
    "/.//evil.example",
    "/..//evil.example",
    "/x/..//evil.example",
    "/%2e//evil.example",
    "//evil.example",
    "/\\evil.example",
    "https:evil.example",
    "javascript:alert(1)",
  ]) {
    const response = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`, {
      maxRedirects: 0,
    });
    expect(response.status(), callbackUrl).toBe(307);
    const target = new URL(response.headers().location!, baseURL);
    expect(target.origin, callbackUrl).toBe(origin);
    expect(target.pathname, callbackUrl).toBe("/");
  }

  const signedOut = await browser.newContext();
  const visitor = await signedOut.newPage();
  await signIn(visitor, "member@acme.test", undefined, "/x/..//evil.example/steal");
  await expect(visitor).toHaveURL(`${origin}/`);
  await signedOut.close();
});

test("an address with a NUL is a failed sign-in, with no internal error text anywhere in the answer", async ({
  request,
}) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/password", {
    form: { email: "owner\u0000@acme.test", password: "teamgate-dev-password", csrfToken, json: "true" },
    headers: { "x-forwarded-for": "198.51.100.201" },
  });
  expect(response.status()).toBe(401);
  const body = await response.text();
  expect(JSON.parse(body)).toEqual({ url: `${origin}/api/auth/error?error=CredentialsSignin&provider=password` });
  expect(body).not.toMatch(/invalid byte|UTF8|0x00|prisma|postgres/i);
});

test("an invitation page's server action posted to another path fails cleanly and uses no one's rate limit", async ({
  request,
}) => {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName: string }>;
  };
  const actionId = Object.entries(manifest.node).find(
    ([, action]) => action.exportedName === "requestRenewalAction",
  )![0];
  const statuses: number[] = [];
  const bodies = new Set<string>();
  for (let i = 0; i < 40; i += 1) {
    const response = await request.post(i % 2 ? "/" : "/teams/acme", {
      headers: {
        "Next-Action": actionId,
        "Content-Type": "text/plain;charset=UTF-8",
        Origin: origin,
        "x-forwarded-for": "198.51.100.202",
      },
      data: JSON.stringify([{ token: `tgi_${"A".repeat(43)}` }]),
    });
    statuses.push(response.status());
    bodies.add(await response.text());
  }
  expect(new Set(statuses)).toEqual(new Set([409]));
  expect([...bodies]).toEqual(["Server Action unavailable."]);
  // Posted where it belongs, the same action still works.
  const direct = await request.post(`/invite/tgi_${"A".repeat(43)}`, {
    headers: {
      "Next-Action": actionId,
      "Content-Type": "text/plain;charset=UTF-8",
      Origin: origin,
      "x-forwarded-for": "198.51.100.203",
    },
    data: JSON.stringify([{ token: `tgi_${"A".repeat(43)}` }]),
  });
  expect(direct.status()).toBe(200);
});

test("pages carry a per-response nonce CSP, hydrate, and the browser reports no violation", async ({
  browser,
  page,
}) => {
  const violations = await watchForCspViolations(page);
  const first = await page.goto("/sign-in");
  const policy = first!.headers()["content-security-policy"]!;
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toContain("unsafe-eval");
  expect(first!.headers()["strict-transport-security"]).toBeUndefined();
  const again = await page.request.get("/sign-in");
  expect(again.headers()["content-security-policy"]).not.toBe(policy);

  // The sign-in button is enabled only once React has hydrated.
  await signIn(page, "admin@acme.test");
  const email = uniqueEmail("csp");
  const link = await inviteThroughUi(page, [email]);
  await page.goto("/teams/acme/settings/invitations");
  const dialog = await openInviteDialog(page);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await page.goto("/teams/acme/settings/members");
  await expect(page.getByRole("cell", { name: "owner@acme.test" })).toBeVisible();
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

  // The invitee's page, signed out: its decline dialog opens only once hydrated.
  const invitee = await browser.newContext();
  const inviteePage = await invitee.newPage();
  const inviteeViolations = await watchForCspViolations(inviteePage);
  await inviteePage.goto(link!);
  await expect(async () => {
    await inviteePage.getByRole("button", { name: "Decline", exact: true }).first().click();
    await expect(inviteePage.getByRole("alertdialog")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await invitee.close();
  expect([...violations, ...inviteeViolations]).toEqual([]);
});
