import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { Webhook } from "svix";
import { expect, storageStateOf, test } from "./fixtures";
import { expectNoSeriousViolations, inviteThroughUi, uniqueEmail } from "./helpers";

// Settings → Webhooks end to end: an admin adds an endpoint pointing at a receiver this test runs,
// invites someone, sees the signed delivery arrive and on the endpoint's page, and replays it.

test.use({ signedInAs: "admin@acme.test" });

type Received = { headers: IncomingHttpHeaders; body: string };
let server: Server;
const received: Received[] = [];

test.beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const receiverUrl = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/teamgate`;
const verify = (secret: string, request: Received) =>
  new Webhook(secret).verify(request.body, {
    "webhook-id": String(request.headers["webhook-id"]),
    "webhook-timestamp": String(request.headers["webhook-timestamp"]),
    "webhook-signature": String(request.headers["webhook-signature"]),
  }) as { type: string; data: { invitation?: { email: string } } };

async function expectNoHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()!.width,
  );
}

async function shot(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}

test("an admin adds an endpoint, an invitation is delivered signed, and a replay sends it again", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/teams/acme/settings");
  await page.getByRole("navigation", { name: "Team settings" }).getByRole("link", { name: "Webhooks" }).click();
  await expect(page.getByRole("heading", { name: "Webhooks" })).toBeVisible();

  const form = page.locator("form").filter({ has: page.getByLabel("Endpoint URL") });
  await form.getByLabel("Endpoint URL").fill(receiverUrl());
  await form.getByLabel("Description (optional)").fill("CRM sync");
  await form.getByRole("checkbox", { name: /Invitation created/ }).check();
  await form.getByRole("checkbox", { name: /Member joined/ }).check();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText("Copy the signing secret now")).toBeVisible();
  const secret = await page.getByRole("textbox", { name: "Signing secret" }).inputValue();
  expect(secret).toMatch(/^whsec_/);
  const listed = page.getByRole("link", { name: /CRM sync/ });
  await expect(listed).toContainText("2 events");
  await expectNoSeriousViolations(page);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await expectNoHorizontalScroll(page);
    await shot(page, `webhooks-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  const email = uniqueEmail("hooked");
  await inviteThroughUi(page, [email]);
  // Other specs invite people to Acme meanwhile, and the endpoint hears of those too: follow this test's own.
  const mine = () => received.filter((request) => request.body.includes(email));
  await expect.poll(() => mine().length, { timeout: 30_000 }).toBe(1);
  const event = verify(secret, mine()[0]!);
  expect(event).toMatchObject({ type: "invitation.created", data: { invitation: { email } } });
  expect(mine()[0]!.body).not.toContain("/invite/");

  await page.goto("/teams/acme/settings/webhooks");
  await page.getByRole("link", { name: /CRM sync/ }).click();
  const delivery = page.getByTestId("webhook-delivery").filter({ hasText: email });
  await expect(delivery).toContainText("Delivered");
  await expect(delivery).toContainText("1 attempt");
  await expect(delivery.getByText("Attempt 1")).toBeVisible();
  await expect(delivery).toContainText("204");

  await delivery.getByRole("button", { name: "Replay" }).click();
  await expect(page.getByText("Sending it again now")).toBeVisible();
  await expect.poll(() => mine().length, { timeout: 30_000 }).toBe(2);
  expect(mine()[1]!.headers["webhook-id"]).toBe(mine()[0]!.headers["webhook-id"]);
  expect(verify(secret, mine()[1]!)).toEqual(event);
  await expect(async () => {
    await page.reload();
    await expect(delivery).toContainText("2 attempts", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  await expectNoSeriousViolations(page);
  // The secret can be revealed again on the endpoint's page.
  await page.getByRole("button", { name: "Reveal secret" }).click();
  await expect(page.getByRole("textbox", { name: "Signing secret" })).toHaveValue(secret);
  await page.getByRole("button", { name: "Hide" }).click();

  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await delivery.getByText("Request body").click();
    await expectNoHorizontalScroll(page);
    await shot(page, `webhook-endpoint-${width}`);
    await delivery.getByText("Request body").click();
  }
  await page.emulateMedia({ colorScheme: "dark" });
  await shot(page, "webhook-endpoint-375-dark");
});

test("a member neither sees Webhooks nor opens it", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("member@acme.test") });
  const page = await context.newPage();
  await page.goto("/teams/acme/settings/members");
  await expect(
    page.getByRole("navigation", { name: "Team settings" }).getByRole("link", { name: "Webhooks" }),
  ).toHaveCount(0);
  const response = await page.goto("/teams/acme/settings/webhooks");
  expect(response?.status()).toBe(403);
  await context.close();
});
