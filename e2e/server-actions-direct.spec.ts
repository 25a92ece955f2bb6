import { readFileSync } from "node:fs";
import type { APIRequest, APIRequestContext, Browser } from "@playwright/test";
import { expect, storageStateOf, test, type SeedUser } from "./fixtures";
import { uniqueEmail } from "./helpers";

// A hidden button proves nothing: these tests POST to the server actions directly, the way a
// crafted request would, using the action ids from the production build's manifest.
type Manifest = { node: Record<string, { filename: string; exportedName: string }> };
const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as Manifest;
function actionId(exportedName: string) {
  const entry = Object.entries(manifest.node).find(([, value]) => value.exportedName === exportedName);
  if (!entry) throw new Error(`No server action named ${exportedName} in the build`);
  return entry[0];
}

const PAGE = "/teams/acme/settings/invitations";

// Each call in a context of its own: a shared one keeps the cookies answers set (the proxy renews a
// session older than 15 minutes), and a "signed out" call would then carry the admin's session.
async function callAction(api: APIRequest, baseURL: string, name: string, input: unknown, cookie?: string) {
  const request = await api.newContext({ baseURL });
  const response = await request.post(PAGE, {
    headers: {
      "Next-Action": actionId(name),
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: baseURL,
      ...(cookie ? { cookie } : {}),
    },
    data: JSON.stringify([input]),
    maxRedirects: 0,
  });
  const result = { status: response.status(), body: await response.text() };
  await request.dispose();
  return result;
}

async function cookiesOf(browser: Browser, user: SeedUser) {
  const context = await browser.newContext({ storageState: storageStateOf(user) });
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  await context.close();
  return cookie;
}

test("crafted action POSTs get the same checks as the UI and change nothing when refused", async ({
  browser,
  playwright,
  request,
  baseURL,
}) => {
  const admin = await cookiesOf(browser, "admin@acme.test");
  const member = await cookiesOf(browser, "member@acme.test");
  const outsider = await cookiesOf(browser, "owner@globex.test");

  const email = uniqueEmail("crafted");
  const invited = await callAction(
    playwright.request,
    baseURL!,
    "inviteMembersAction",
    { teamSlug: "acme", invitation: { emails: email, roleId: await memberRoleId(request, baseURL!, admin) } },
    admin,
  );
  expect(invited.body).toContain('"outcome":"invited"');
  const invitationId = invited.body.match(/"invitationId":"([0-9a-f-]{36})"/)![1]!;
  const target = { teamSlug: "acme", invitationId };

  const attempts: Array<[string, unknown]> = [
    ["withdrawInvitationAction", target],
    ["deleteInvitationAction", target],
    ["resendInvitationAction", target],
    ["getInvitationLinkAction", target],
    ["getInvitationDetailsAction", target],
    ["updateInvitationAction", { ...target, changes: { language: "fr" } }],
    ["inviteMembersAction", { teamSlug: "acme", invitation: { emails: uniqueEmail("sneaky"), roleId: invitationId } }],
  ];
  for (const [name, input] of attempts) {
    for (const [who, cookie, code] of [
      ["signed out", undefined, "UNAUTHENTICATED"],
      ["member", member, "FORBIDDEN"],
      ["another team's owner", outsider, "NOT_FOUND"],
    ] as const) {
      const result = await callAction(playwright.request, baseURL!, name, input, cookie);
      expect({ name, who, refused: result.body.includes(`"code":"${code}"`) }).toEqual({ name, who, refused: true });
      expect(result.body).not.toContain("tgi_");
    }
  }
  // Malformed input is a clear value too, not a crash.
  expect(
    (await callAction(playwright.request, baseURL!, "withdrawInvitationAction", { teamSlug: "acme" }, admin)).body,
  ).toContain('"code":"INVALID"');
  expect(
    (
      await callAction(
        playwright.request,
        baseURL!,
        "getInvitationLinkAction",
        { ...target, audit: "never-mind" },
        admin,
      )
    ).body,
  ).toContain('"code":"INVALID"');

  const details = await callAction(playwright.request, baseURL!, "getInvitationDetailsAction", target, admin);
  expect(details.body).toContain('"status":"PENDING"');
  expect(details.body).toContain('"language":"en"');
  expect(details.body).toContain('"sendCount":1');
});

async function memberRoleId(request: APIRequestContext, baseURL: string, admin: string) {
  const page = await request.get(`${baseURL}${PAGE}`, { headers: { cookie: admin } });
  const html = await page.text();
  // The page embeds the team's roles for the invite dialog; take the Member role's id.
  const match =
    html.match(/\\"id\\":\\"([0-9a-f-]{36})\\",\\"name\\":\\"Member\\"/) ??
    html.match(/"id":"([0-9a-f-]{36})","name":"Member"/);
  if (!match) throw new Error("Member role id not found on the page");
  return match[1]!;
}
