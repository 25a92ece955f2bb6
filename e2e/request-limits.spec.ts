import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";

// Through the production server: oversized and unstorable input gets a clear 4xx, never a 500.
type Manifest = { node: Record<string, { exportedName: string }> };
const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as Manifest;
const actionId = (name: string) => Object.entries(manifest.node).find(([, value]) => value.exportedName === name)![0];
const PAGE = "/teams/acme/settings/invitations";

// The page and its context start signed in; the bare `request` fixture does not.
test.use({ signedInAs: "admin@acme.test" });

test("a server-action body over 1 MiB is answered 413 before the action runs", async ({ request, baseURL }) => {
  const response = await request.post(PAGE, {
    headers: {
      "Next-Action": actionId("previewInvitationsAction"),
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: baseURL!,
    },
    data: JSON.stringify([{ teamSlug: "acme", text: "x".repeat(1024 * 1024 + 1) }]),
    maxRedirects: 0,
  });
  expect(response.status()).toBe(413);
});

test("a NUL in a server action's slug, and in the members page's search, is a clear refusal", async ({
  page,
  baseURL,
}) => {
  const action = await page.request.post(PAGE, {
    headers: {
      "Next-Action": actionId("withdrawInvitationAction"),
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: baseURL!,
    },
    data: JSON.stringify([{ teamSlug: "acme\u0000", invitationId: "00000000-0000-4000-8000-000000000000" }]),
    maxRedirects: 0,
  });
  expect(action.status()).toBe(200);
  expect(await action.text()).toContain('"code":"INVALID"');

  const members = await page.goto("/teams/acme/settings/members?q=%00");
  expect(members?.status()).toBe(200);
  await expect(page.getByText(/NUL characters/)).toBeVisible();
});

test("control characters in the invitations page's search are dropped from the URL, never a 500", async ({ page }) => {
  // Four page loads, each through a redirect: more than a minute on a loaded machine.
  test.slow();
  for (const q of ["%00", "ab%00cd", "%01", "%1B%5B2J"]) {
    const response = await page.goto(`${PAGE}?status=PENDING&q=${q}`);
    expect({ q, status: response?.status() }).toEqual({ q, status: 200 });
    await expect(page).toHaveURL(/\/teams\/acme\/settings\/invitations\?status=PENDING$/);
    await expect(page.getByRole("heading", { name: "Invitations", exact: true })).toBeVisible();
    await expect(page.getByRole("region", { name: "Invitations" }).getByRole("alert")).toHaveCount(0);
  }
});
