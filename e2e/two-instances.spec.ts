import { readFileSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { addStoredSession, expect, storageStateOf, test, type SeedUser } from "./fixtures";
import { inviteThroughUi, signIn, signUpThroughLink, uniqueEmail } from "./helpers";

// Two `next start` processes on one PostgreSQL database (scripts/e2e-server.mjs starts the
// second on the next port): requests are split across them, and the guarantees must hold.
const A = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
const B = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;

test.beforeAll(async ({ request }) => {
  await expect(async () => expect((await request.get(`${B}/sign-in`)).status()).toBe(200)).toPass({ timeout: 60_000 });
});

/** A seed user starts from its stored session; any other account signs in through the form. */
async function apiKeyFor(page: Page, account: SeedUser | { email: string; password: string }) {
  if (typeof account === "string") {
    await addStoredSession(page.context(), account);
    await page.goto("/account/api-keys");
  } else {
    await signIn(page, account.email, account.password, "/account/api-keys");
  }
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
  const admin = await browser.newContext({ storageState: storageStateOf("admin@acme.test") });
  const adminPage = await admin.newPage();
  const link = (await inviteThroughUi(adminPage, [email]))!;
  await admin.close();
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUpThroughLink(page, link, "Twin Invitee");
  await page.context().clearCookies();
  const key = await apiKeyFor(page, { email, password: "a-long-enough-password" });
  await context.close();
  return { email, key };
}

const post = (base: string, path: string, key: string, body?: unknown) =>
  fetch(`${base}/api/v1${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${key}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

test("duplicate invites, parallel accepts and accept-vs-withdraw hold across two instances", async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  const globexKey = await apiKeyFor(page, "owner@globex.test");

  for (let round = 0; round < 5; round += 1) {
    const email = uniqueEmail(`dup${round}`);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        post(i % 2 ? A : B, "/teams/globex/invitations", globexKey, { emails: [email], role: "member" }),
      ),
    );
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(bodies.filter((b) => b.counts?.invited === 1)).toHaveLength(1);
    expect(responses.every((r) => r.status === 200 || r.status === 201)).toBe(true);
  }

  const racer = await newInvitee(browser);
  const invited = await (
    await post(A, "/teams/globex/invitations", globexKey, { emails: [racer.email], role: "member" })
  ).json();
  const id = invited.results[0].invitationId as string;
  const accepts = await Promise.all(
    Array.from({ length: 20 }, (_, i) => post(i % 2 ? A : B, `/invitations/${id}/accept`, racer.key)),
  );
  const acceptBodies = await Promise.all(accepts.map((r) => r.json()));
  expect(acceptBodies.filter((b) => b.alreadyMember === false)).toHaveLength(1);
  for (const [index, response] of accepts.entries()) {
    if (response.status !== 200)
      expect({ status: response.status, type: acceptBodies[index].type }).toEqual({
        status: 410,
        type: "https://teamgate.dev/problems/gone",
      });
  }

  const contender = await newInvitee(browser);
  const second = await (
    await post(B, "/teams/globex/invitations", globexKey, { emails: [contender.email], role: "member" })
  ).json();
  const secondId = second.results[0].invitationId as string;
  const [accept, withdraw] = await Promise.all([
    post(A, `/invitations/${secondId}/accept`, contender.key),
    post(B, `/teams/globex/invitations/${secondId}/withdraw`, globexKey),
  ]);
  expect([accept.status, withdraw.status].filter((s) => s === 200)).toHaveLength(1);
  const final = await (
    await fetch(`${A}/api/v1/teams/globex/invitations/${secondId}`, {
      headers: { Authorization: `Bearer ${globexKey}` },
    })
  ).json();
  expect(final.status).toBe(accept.status === 200 ? "ACCEPTED" : "WITHDRAWN");
});

test("a per-invitation resend limit holds when resends are split across both instances", async ({ page }) => {
  const globexKey = await apiKeyFor(page, "owner@globex.test");
  const invited = await (
    await post(A, "/teams/globex/invitations", globexKey, { emails: [uniqueEmail("resend-race")], role: "member" })
  ).json();
  const id = invited.results[0].invitationId as string;

  // The limit is 3 resends per invitation per hour, counted in the shared database.
  const responses = await Promise.all(
    Array.from({ length: 8 }, (_, i) => post(i % 2 ? A : B, `/teams/globex/invitations/${id}/resend`, globexKey)),
  );
  const statuses = responses.map((r) => r.status).sort();
  expect(statuses).toEqual([200, 200, 200, 429, 429, 429, 429, 429]);
  for (const response of responses.filter((r) => r.status === 429)) {
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  }
  const final = await (
    await fetch(`${B}/api/v1/teams/globex/invitations/${id}`, { headers: { Authorization: `Bearer ${globexKey}` } })
  ).json();
  expect(final.status).toBe("PENDING");
});

// ---- Races the attack run found, with each side on a different instance ----

type Manifest = { node: Record<string, { exportedName: string }> };
const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as Manifest;
const actionId = (name: string) => Object.entries(manifest.node).find(([, action]) => action.exportedName === name)![0];

/** Posts a server action to `path` on one instance, as the page holding it would. */
function callAction(base: string, path: string, name: string, input: unknown, cookie: string) {
  return fetch(`${base}${path}`, {
    method: "POST",
    headers: {
      "Next-Action": actionId(name),
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: base,
      cookie,
    },
    body: JSON.stringify([input]),
    redirect: "manual",
  });
}

/** A seed user's stored session, or a fresh sign-in through the form for any other account. */
async function cookiesOf(browser: Browser, account: SeedUser | { email: string; password: string }) {
  const context = await browser.newContext(
    typeof account === "string" ? { storageState: storageStateOf(account) } : {},
  );
  if (typeof account !== "string") await signIn(await context.newPage(), account.email, account.password);
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  await context.close();
  return cookie;
}

/**
 * Direct reads of this run's database (PostgreSQL only, which is where this spec runs). Other runs
 * may have e2e databases on the same server: ours is the one that knows `email`.
 */
async function openDatabaseOf(email: string) {
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  const { rows: databases } = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'teamgate_e2e_%'",
  );
  await admin.end();
  for (const { datname } of databases) {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${datname}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    const known = await client
      .query(
        `SELECT 1 FROM "User" WHERE "emailCanonical" = $1 UNION ALL SELECT 1 FROM "Invitation" WHERE "emailCanonical" = $1`,
        [email.toLowerCase()],
      )
      .then(
        (result) => (result.rowCount ?? 0) > 0,
        () => false,
      );
    if (known)
      return {
        query: async <Row>(sql: string, params: unknown[]) => (await client.query(sql, params)).rows as Row[],
        close: () => client.end(),
      };
    await client.end();
  }
  throw new Error(`No e2e database knows ${email}`);
}

type Database = Awaited<ReturnType<typeof openDatabaseOf>>;

/** The invitation's status and role, and the role its invitee holds in the team (null: not a member). */
async function stateOf(database: Database, invitationId: string) {
  const [row] = await database.query<{ status: string; invitationRole: string; memberRole: string | null }>(
    `SELECT i.status, ir.key AS "invitationRole", mr.key AS "memberRole"
       FROM "Invitation" i JOIN "Role" ir ON ir.id = i."roleId"
       LEFT JOIN "User" u ON u."emailCanonical" = i."emailCanonical"
       LEFT JOIN "Membership" m ON m."teamId" = i."teamId" AND m."userId" = u.id
       LEFT JOIN "Role" mr ON mr.id = m."roleId"
      WHERE i.id = $1`,
    [invitationId],
  );
  return row!;
}

/** Lets the racer be invited to Globex again in the next round. */
const leaveGlobex = (database: Database, email: string) =>
  database.query(
    `DELETE FROM "Membership" m USING "User" u, "Team" t
      WHERE m."userId" = u.id AND u."emailCanonical" = $1 AND m."teamId" = t.id AND t.slug = 'globex' RETURNING m.id`,
    [email.toLowerCase()],
  );

test("accept vs reset link and accept vs edit, split across instances: one outcome, and the member holds the invitation's role", async ({
  browser,
  page,
}) => {
  test.setTimeout(240_000);
  const globexKey = await apiKeyFor(page, "owner@globex.test");
  const owner = await cookiesOf(browser, "owner@globex.test");
  const racer = await newInvitee(browser);
  const racerCookie = await cookiesOf(browser, { email: racer.email, password: "a-long-enough-password" });
  const database = await openDatabaseOf(racer.email);
  const [memberRole] = await database.query<{ id: string }>(
    `SELECT r.id FROM "Role" r JOIN "Team" t ON t.id = r."teamId" WHERE t.slug = 'globex' AND r.key = 'member'`,
    [],
  );
  const memberRoleId = memberRole!.id;
  const SETTINGS = "/teams/globex/settings/invitations";

  // Accept with the link the invitee holds, while a reset replaces it: exactly one of them wins.
  // (A resend keeps the link, so it and the accept may both succeed.)
  for (let round = 0; round < 4; round += 1) {
    const invited = await (
      await post(round % 2 ? A : B, "/teams/globex/invitations", globexKey, { emails: [racer.email], role: "member" })
    ).json();
    const id = invited.results[0].invitationId as string;
    const linkBody = await (
      await callAction(A, SETTINGS, "getInvitationLinkAction", { teamSlug: "globex", invitationId: id }, owner)
    ).text();
    const token = linkBody.match(/tgi_[A-Za-z0-9_-]+/)![0];
    const [accept, resend] = await Promise.all([
      callAction(round % 2 ? B : A, `/invite/${token}`, "acceptInvitationAction", { token }, racerCookie),
      post(round % 2 ? A : B, `/teams/globex/invitations/${id}/reset-link`, globexKey),
    ]);
    const acceptBody = await accept.text();
    expect({ round, accept: accept.status < 500, resend: resend.status < 500 }).toEqual({
      round,
      accept: true,
      resend: true,
    });
    const accepted = (accept.headers.get("x-action-redirect") ?? "").includes("joined=");
    if (!accepted) expect(acceptBody).toContain('"ok":false');
    const resent = resend.status === 200;
    if (!resent) expect(resend.status).toBe(409);
    expect({ round, winners: Number(accepted) + Number(resent) }).toEqual({ round, winners: 1 });
    test.info().annotations.push({
      type: "accept vs reset link",
      description: `round ${round}: ${accepted ? "accept" : "reset"} won`,
    });
    const state = await stateOf(database, id);
    expect({ round, state }).toEqual({
      round,
      state: accepted
        ? { status: "ACCEPTED", invitationRole: "member", memberRole: "member" }
        : { status: "PENDING", invitationRole: "member", memberRole: null },
    });
    if (accepted) await leaveGlobex(database, racer.email);
    // The next round invites the same address again.
    else expect((await post(A, `/teams/globex/invitations/${id}/withdraw`, globexKey)).status).toBe(200);
  }

  // An admin changes the role of the invitation (Admin → Member) while the invitee accepts.
  for (let round = 0; round < 4; round += 1) {
    const invited = await (
      await post(A, "/teams/globex/invitations", globexKey, { emails: [racer.email], role: "admin" })
    ).json();
    const id = invited.results[0].invitationId as string;
    const [accept, edit] = await Promise.all([
      post(round % 2 ? A : B, `/invitations/${id}/accept`, racer.key),
      callAction(
        round % 2 ? B : A,
        SETTINGS,
        "updateInvitationAction",
        { teamSlug: "globex", invitationId: id, changes: { roleId: memberRoleId } },
        owner,
      ),
    ]);
    const editBody = await edit.text();
    expect({ round, accept: accept.status, edit: edit.status }).toEqual({ round, accept: 200, edit: 200 });
    expect(editBody).toMatch(/"ok":(true|false)/);
    const state = await stateOf(database, id);
    expect(state.status).toBe("ACCEPTED");
    // What the invitee joined with is what the invitation said when it flipped to ACCEPTED.
    expect({ round, memberRole: state.memberRole }).toEqual({ round, memberRole: state.invitationRole });
    if (editBody.includes('"ok":true')) expect(state.invitationRole).toBe("member");
    test
      .info()
      .annotations.push({ type: "accept vs edit", description: `round ${round}: joined as ${state.memberRole}` });
    await leaveGlobex(database, racer.email);
  }
  await database.close();
});

test("50 parallel invites of one address across both instances: one pending invitation, one charge to the recipient's quota", async ({
  page,
}) => {
  const globexKey = await apiKeyFor(page, "owner@globex.test");
  const email = uniqueEmail("fifty");
  const responses = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      post(i % 2 ? A : B, "/teams/globex/invitations", globexKey, { emails: [email], role: "member" }),
    ),
  );
  const bodies = await Promise.all(responses.map((r) => r.json()));
  expect(responses.filter((r) => r.status >= 500)).toEqual([]);
  expect(bodies.filter((b) => b.counts?.invited === 1)).toHaveLength(1);
  const database = await openDatabaseOf(email);
  const pending = await database.query<{ id: string }>(
    `SELECT id FROM "Invitation" WHERE "emailCanonical" = $1 AND status = 'PENDING'`,
    [email.toLowerCase()],
  );
  await database.close();
  expect(pending).toHaveLength(1);
  // Only the created invitation was charged (20 an hour per recipient): a resend still goes out.
  const resend = await post(B, `/teams/globex/invitations/${pending[0]!.id}/resend`, globexKey);
  expect(resend.status).toBe(200);
});

/** Signs in through next-auth's credentials endpoint, as the form does: the session's cookies. */
async function signInOverHttp(base: string, email: string, password: string, client: string) {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { "x-forwarded-for": client } });
  const csrfCookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/password`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "x-forwarded-for": client,
      cookie: csrfCookies.join("; "),
    },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]!);
  expect(cookies.some((c) => c.includes("session-token"))).toBe(true);
  return cookies.join("; ");
}

/**
 * Verified accounts with an invitations:write key each, made over HTTP rather than in a browser:
 * invited to Initech, signed up through the invitation's link (which proves the inbox), signed
 * in, and a key created, each step the server action or endpoint the UI uses.
 */
async function verifiedAccountsWithKeys(ownerKey: string, ownerCookie: string, count: number) {
  const password = "a-long-enough-password";
  const emails = Array.from({ length: count }, (_, i) => uniqueEmail(`link-race-${i}`));
  const invited = await post(A, "/teams/initech/invitations", ownerKey, { emails, role: "member" });
  expect(invited.status).toBe(201);
  const { results } = (await invited.json()) as { results: Array<{ email: string; invitationId: string }> };
  const accounts: Array<{ email: string; key: string }> = [];
  for (let start = 0; start < count; start += 10) {
    const batch = results.slice(start, start + 10).map(async ({ email, invitationId }, i) => {
      const client = `203.0.113.${start + i + 1}`;
      const linkBody = await (
        await callAction(
          A,
          "/teams/initech/settings/invitations",
          "getInvitationLinkAction",
          { teamSlug: "initech", invitationId },
          ownerCookie,
        )
      ).text();
      const token = linkBody.match(/tgi_[A-Za-z0-9_-]+/)![0];
      const signedUp = await callAction(
        A,
        `/invite/${token}`,
        "signUpAndAcceptAction",
        { token, name: "Link Racer", password },
        "",
      );
      expect(await signedUp.text()).toContain('"ok":true');
      const cookie = await signInOverHttp(A, email, password, client);
      const keyBody = await (
        await callAction(
          A,
          "/account/api-keys",
          "createApiKeyAction",
          { name: "link race", scopes: ["invitations:write"] },
          cookie,
        )
      ).text();
      return { email, key: keyBody.match(/tg_live_[A-Za-z0-9_-]+/)![0] };
    });
    accounts.push(...(await Promise.all(batch)));
  }
  return accounts;
}

test("50 parallel joins through one invite link with 10 uses left, split across both instances: exactly 10 members", async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  const globexKey = await apiKeyFor(page, "owner@globex.test");
  const owner = await cookiesOf(browser, "owner@globex.test");
  const joiners = await verifiedAccountsWithKeys(globexKey, owner, 50);
  expect(new Set(joiners.map((j) => j.key)).size).toBe(50);

  const created = await post(B, "/teams/globex/invite-links", globexKey, {
    role: "member",
    maxUses: 10,
    expiresInDays: 1,
  });
  expect(created.status).toBe(201);
  const { link, url } = (await created.json()) as { link: { id: string; uses: number }; url: string };
  expect(link.uses).toBe(0);
  const token = url.split("/join/")[1]!;

  const database = await openDatabaseOf(joiners[0]!.email);
  const countMembers = async () =>
    Number(
      (
        await database.query<{ count: string }>(
          `SELECT count(*) FROM "Membership" m JOIN "Team" t ON t.id = m."teamId" WHERE t.slug = 'globex'`,
          [],
        )
      )[0]!.count,
    );
  const before = await countMembers();

  const responses = await Promise.all(
    joiners.map(({ key }, i) => post(i % 2 ? A : B, "/invite-links/join", key, { token })),
  );
  const answers = await Promise.all(
    responses.map(async (r, i) => ({
      via: i % 2 ? "A" : "B",
      email: joiners[i]!.email.toLowerCase(),
      status: r.status,
      body: await r.json(),
    })),
  );
  const joined = answers.filter((a) => a.status === 200);
  expect(joined).toHaveLength(10);
  for (const answer of joined)
    expect(answer.body).toEqual({
      team: expect.objectContaining({ slug: "globex" }),
      role: { name: "Member" },
      alreadyMember: false,
    });
  // Every refusal is a 410 that says why: no 5xx, no 409 (each account joins once).
  for (const answer of answers.filter((a) => a.status !== 200))
    expect({ status: answer.status, type: answer.body.type, detail: answer.body.detail }).toEqual({
      status: 410,
      type: "https://teamgate.dev/problems/gone",
      detail: "This invite link has been used as many times as it allows.",
    });
  test.info().annotations.push({
    type: "link race",
    description: `joined via A: ${joined.filter((a) => a.via === "A").length}, via B: ${joined.filter((a) => a.via === "B").length}`,
  });

  const listed = (await (
    await fetch(`${A}/api/v1/teams/globex/invite-links`, { headers: { Authorization: `Bearer ${globexKey}` } })
  ).json()) as { data: Array<{ id: string; uses: number; maxUses: number; status: string }> };
  expect(listed.data.find((l) => l.id === link.id)).toMatchObject({ uses: 10, maxUses: 10, status: "USED_UP" });

  expect(await countMembers()).toBe(before + 10);
  const members = await database.query<{ email: string }>(
    `SELECT u."emailCanonical" AS email FROM "Membership" m JOIN "User" u ON u.id = m."userId"
       JOIN "Team" t ON t.id = m."teamId" WHERE t.slug = 'globex' AND u."emailCanonical" = ANY($1)`,
    [joiners.map((j) => j.email.toLowerCase())],
  );
  expect(members.map((m) => m.email).sort()).toEqual(joined.map((a) => a.email).sort());
  const joins = await database.query<{ count: string }>(
    `SELECT count(*) FROM "InviteLinkJoin" WHERE "inviteLinkId" = $1`,
    [link.id],
  );
  expect(Number(joins[0]!.count)).toBe(10);
  await database.close();
});
