import { expect, test, type Browser, type Page } from "@playwright/test";
import { inviteThroughUi, signIn, signUpThroughLink, uniqueEmail } from "./helpers";

// Two `next start` processes on one PostgreSQL database (scripts/e2e-server.mjs starts the
// second on the next port): requests are split across them, and the guarantees must hold.
const A = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
const B = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;

test.beforeAll(async ({ request }) => {
  await expect(async () => expect((await request.get(`${B}/sign-in`)).status()).toBe(200)).toPass({ timeout: 60_000 });
});

async function apiKeyFor(page: Page, email: string, password?: string) {
  await signIn(page, email, password, "/account/api-keys");
  const name = "two instances";
  const write = page.getByRole("checkbox", { name: "invitations:write" });
  // Typing and clicks before hydration are lost by controlled inputs, so set them inside the retry.
  await expect(async () => {
    await page.getByLabel("Name").fill(name);
    if ((await write.getAttribute("aria-checked")) !== "true") await write.click();
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByLabel("New API key")).toHaveValue(/^tg_live_/, { timeout: 2000 });
  }).toPass({ timeout: 15_000 });
  return page.getByLabel("New API key").inputValue();
}

/** A new account through an Acme invitation, with an API key of its own. */
async function newInvitee(browser: Browser) {
  const email = uniqueEmail("twin");
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, "admin@acme.test");
  const link = (await inviteThroughUi(adminPage, [email]))!;
  await admin.close();
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUpThroughLink(page, link, "Twin Invitee");
  await page.context().clearCookies();
  const key = await apiKeyFor(page, email, "a-long-enough-password");
  await context.close();
  return { email, key };
}

const post = (base: string, path: string, key: string, body?: unknown) =>
  fetch(`${base}/api/v1${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${key}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

test("duplicate invites, parallel accepts and accept-vs-withdraw hold across two instances", async ({ browser, page }) => {
  test.setTimeout(180_000);
  const globexKey = await apiKeyFor(page, "owner@globex.test");

  for (let round = 0; round < 5; round += 1) {
    const email = uniqueEmail(`dup${round}`);
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => post(i % 2 ? A : B, "/teams/globex/invitations", globexKey, { emails: [email], role: "member" })));
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(bodies.filter((b) => b.counts?.invited === 1)).toHaveLength(1);
    expect(responses.every((r) => r.status === 200 || r.status === 201)).toBe(true);
  }

  const racer = await newInvitee(browser);
  const invited = await (await post(A, "/teams/globex/invitations", globexKey, { emails: [racer.email], role: "member" })).json();
  const id = invited.results[0].invitationId as string;
  const accepts = await Promise.all(Array.from({ length: 20 }, (_, i) => post(i % 2 ? A : B, `/invitations/${id}/accept`, racer.key)));
  const acceptBodies = await Promise.all(accepts.map((r) => r.json()));
  expect(acceptBodies.filter((b) => b.alreadyMember === false)).toHaveLength(1);
  for (const [index, response] of accepts.entries()) {
    if (response.status !== 200) expect({ status: response.status, type: acceptBodies[index].type }).toEqual({ status: 410, type: "https://teamgate.dev/problems/gone" });
  }

  const contender = await newInvitee(browser);
  const second = await (await post(B, "/teams/globex/invitations", globexKey, { emails: [contender.email], role: "member" })).json();
  const secondId = second.results[0].invitationId as string;
  const [accept, withdraw] = await Promise.all([post(A, `/invitations/${secondId}/accept`, contender.key), post(B, `/teams/globex/invitations/${secondId}/withdraw`, globexKey)]);
  expect([accept.status, withdraw.status].filter((s) => s === 200)).toHaveLength(1);
  const final = await (await fetch(`${A}/api/v1/teams/globex/invitations/${secondId}`, { headers: { Authorization: `Bearer ${globexKey}` } })).json();
  expect(final.status).toBe(accept.status === 200 ? "ACCEPTED" : "WITHDRAWN");
});

test("a per-invitation resend limit holds when resends are split across both instances", async ({ page }) => {
  const globexKey = await apiKeyFor(page, "owner@globex.test");
  const invited = await (await post(A, "/teams/globex/invitations", globexKey, { emails: [uniqueEmail("resend-race")], role: "member" })).json();
  const id = invited.results[0].invitationId as string;

  // The limit is 3 resends per invitation per hour, counted in the shared database.
  const responses = await Promise.all(Array.from({ length: 8 }, (_, i) => post(i % 2 ? A : B, `/teams/globex/invitations/${id}/resend`, globexKey)));
  const statuses = responses.map((r) => r.status).sort();
  expect(statuses).toEqual([200, 200, 200, 429, 429, 429, 429, 429]);
  for (const response of responses.filter((r) => r.status === 429)) {
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  }
  const final = await (await fetch(`${B}/api/v1/teams/globex/invitations/${id}`, { headers: { Authorization: `Bearer ${globexKey}` } })).json();
  expect(final.status).toBe("PENDING");
});
