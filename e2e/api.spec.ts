import type { Browser, Page } from "@playwright/test";
import createClient from "openapi-fetch";
import type { paths } from "./api/openapi-types";
import { addStoredSession, expect, storageStateOf, test, type SeedUser } from "./fixtures";
import { inviteThroughUi, signIn, signUpThroughLink, uniqueEmail } from "./helpers";

type Scope = "invitations:read" | "invitations:write";
type Api = ReturnType<typeof createClient<paths>>;

// 429 is not provoked here: the e2e server's limits are shared by every spec. The integration tests
// (tests/integration/api-invitations.test.ts) cover 429 with Retry-After per key and per client.

/** A seed user starts from its stored session; any other account signs in through the form. */
async function createKeyThroughUi(
  page: Page,
  account: SeedUser | { email: string; password: string },
  scopes: Scope[],
  options: { name?: string } = {},
) {
  if (typeof account === "string") {
    await addStoredSession(page.context(), account);
    await page.goto("/account/api-keys");
  } else {
    await signIn(page, account.email, account.password, "/account/api-keys");
  }
  const name = options.name ?? `e2e ${scopes.join(" ")}`;
  // Typing and clicks before hydration are lost by controlled inputs, so set them inside the retry.
  await expect(async () => {
    await page.getByLabel("Name").fill(name);
    for (const scope of ["invitations:read", "invitations:write"] as const) {
      const box = page.getByRole("checkbox", { name: scope });
      if ((await box.getAttribute("aria-checked")) !== String(scopes.includes(scope))) await box.click();
    }
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByLabel("New API key")).toHaveValue(/^tg_live_/, { timeout: 2000 });
  }).toPass({ timeout: 15_000 });
  return page.getByLabel("New API key").inputValue();
}

async function keyInNewContext(browser: Browser, user: SeedUser, scopes: Scope[]) {
  const context = await browser.newContext();
  const key = await createKeyThroughUi(await context.newPage(), user, scopes);
  await context.close();
  return key;
}

const clientFor = (baseURL: string, key?: string) =>
  createClient<paths>({ baseUrl: `${baseURL}/api/v1`, headers: key ? { Authorization: `Bearer ${key}` } : {} });

async function invite(api: Api, team: string, email = uniqueEmail("api")) {
  const created = await api.POST("/teams/{team}/invitations", {
    params: { path: { team } },
    body: { emails: [email], role: "member" },
  });
  expect(created.response.status).toBe(201);
  return created.data!.results[0]!.invitationId!;
}

test("the typed client drives the whole lifecycle against the running server", async ({ page, baseURL }) => {
  const keyName = `e2e lifecycle ${Date.now()}`;
  const key = await createKeyThroughUi(page, "admin@acme.test", ["invitations:read", "invitations:write"], {
    name: keyName,
  });
  const api = clientFor(baseURL!, key);

  const emails = [uniqueEmail("api-one"), uniqueEmail("api-two"), uniqueEmail("api-three")];
  const created = await api.POST("/teams/{team}/invitations", {
    params: { path: { team: "acme" } },
    body: { emails, role: "member", language: "fr" },
  });
  expect(created.response.status).toBe(201);
  expect(created.data?.counts.invited).toBe(3);

  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page1 = await api.GET("/teams/{team}/invitations", {
      params: { path: { team: "acme" }, query: { limit: 1, q: "api-", sort: "email", cursor } },
    });
    expect(page1.response.status).toBe(200);
    expect(page1.response.headers.get("ratelimit-policy")).toMatch(/^"per-key";q=\d+;w=60$/);
    expect(page1.response.headers.get("ratelimit")).toMatch(/^"per-key";r=\d+;t=\d+$/);
    ids.push(...page1.data!.data.map((i) => i.id));
    cursor = page1.data!.next ?? undefined;
  } while (cursor);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBeGreaterThanOrEqual(3);

  const id = created.data!.results[0]!.invitationId!;
  const one = await api.GET("/teams/{team}/invitations/{id}", { params: { path: { team: "acme", id } } });
  expect(one.data).toMatchObject({ id, status: "PENDING", language: "fr", team: { slug: "acme" } });
  expect(JSON.stringify(one.data)).not.toContain("tgi_");

  expect(
    (await api.POST("/teams/{team}/invitations/{id}/resend", { params: { path: { team: "acme", id } } })).data?.status,
  ).toBe("PENDING");
  expect(
    (await api.POST("/teams/{team}/invitations/{id}/withdraw", { params: { path: { team: "acme", id } } })).data
      ?.status,
  ).toBe("WITHDRAWN");
  const again = await api.POST("/teams/{team}/invitations/{id}/withdraw", { params: { path: { team: "acme", id } } });
  expect(again.response.status).toBe(409);
  expect(again.response.headers.get("content-type")).toBe("application/problem+json");
  expect(again.response.headers.get("ratelimit")).toMatch(/^"per-key";/);
  expect(
    (await api.DELETE("/teams/{team}/invitations/{id}", { params: { path: { team: "acme", id } } })).response.status,
  ).toBe(204);
  const gone = await api.GET("/teams/{team}/invitations/{id}", { params: { path: { team: "acme", id } } });
  expect(gone.response.status).toBe(404);
  expect(gone.response.headers.get("ratelimit")).toMatch(/^"per-key";/);
  expect((await api.GET("/teams/{team}/invitations", { params: { path: { team: "globex" } } })).response.status).toBe(
    404,
  );

  const sent = await api.GET("/invitations/sent", { params: { query: { limit: 100 } } });
  expect(sent.data!.data.map((i) => i.email)).toEqual(expect.arrayContaining([emails[1]!.toLowerCase()]));

  // The key's row now says when it was last used.
  await page.reload();
  const row = page.getByRole("row").filter({ hasText: keyName });
  await expect(row.getByRole("cell", { name: /ago/ }).first()).toBeVisible();
  await expect(row.getByRole("cell", { name: "Never", exact: true })).toHaveCount(0);
});

test("the API refuses missing keys, cookies and missing scopes", async ({ page, baseURL, request }) => {
  const missing = await clientFor(baseURL!).GET("/invitations/received");
  expect(missing.response.status).toBe(401);
  expect(missing.error).toMatchObject({ type: "https://teamgate.dev/problems/unauthenticated" });
  expect(missing.response.headers.get("ratelimit-policy")).toMatch(/^"per-client";q=\d+;w=60$/);

  const readOnlyKey = await createKeyThroughUi(page, "member@acme.test", ["invitations:read"]);
  // Signed in with a session cookie, the API still answers 401 without a key.
  const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  expect((await request.get("/api/v1/invitations/received", { headers: { cookie: cookies } })).status()).toBe(401);

  const member = clientFor(baseURL!, readOnlyKey);
  expect((await member.GET("/invitations/received")).response.status).toBe(200);
  expect(
    (
      await member.POST("/teams/{team}/invitations", {
        params: { path: { team: "acme" } },
        body: { emails: ["x@example.com"], role: "member" },
      })
    ).response.status,
  ).toBe(403);
  expect((await member.GET("/teams/{team}/invitations", { params: { path: { team: "acme" } } })).response.status).toBe(
    403,
  );

  const document = await request.get("/api/v1/openapi.json");
  expect((await document.json()).openapi).toBe("3.1.0");
  expect(document.headers()["ratelimit"]).toMatch(/^"per-client";/);
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { name: "Teamgate API" })).toBeVisible();
  // Rendered per request: the running server's APP_URL, not the one `next build` saw.
  await expect(page.locator(".swagger-ui .servers select")).toHaveValue(`${baseURL}/api/v1`, { timeout: 30_000 });
});

test("bad bodies are refused with the right problem and change nothing", async ({ page, baseURL }) => {
  const key = await createKeyThroughUi(page, "admin@acme.test", ["invitations:read", "invitations:write"]);
  const url = `${baseURL}/api/v1/teams/acme/invitations`;
  const post = (body: BodyInit, headers: Record<string, string> = { "Content-Type": "application/json" }) =>
    fetch(url, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, ...headers },
      body,
      duplex: "half",
    } as RequestInit);
  const marker = uniqueEmail("bad-body");

  const cases: Array<[string, () => Promise<Response>, number, string]> = [
    ["wrong types", () => post(JSON.stringify({ emails: marker, role: 5 })), 400, "invalid-request"],
    [
      "an unknown field",
      () => post(JSON.stringify({ emails: [marker], role: "member", admin: true })),
      400,
      "invalid-request",
    ],
    ["malformed JSON", () => post(`{"emails": ["${marker}"`), 400, "malformed-json"],
    [
      "a body over 256 KiB",
      () => post(JSON.stringify({ emails: [marker], role: "member", padding: "x".repeat(300 * 1024) })),
      413,
      "payload-too-large",
    ],
    [
      "a chunked body over 256 KiB without Content-Length",
      () => {
        // Just past the limit: the server stops reading there (a unit test proves it), and an upload
        // still being written when the answer comes would be cut off.
        let sent = 0;
        const stream = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent >= 320 * 1024) return controller.close();
            sent += 64 * 1024;
            controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
          },
        });
        return post(stream);
      },
      413,
      "payload-too-large",
    ],
    [
      "form data",
      () => post(`emails=${marker}`, { "Content-Type": "application/x-www-form-urlencoded" }),
      415,
      "unsupported-media-type",
    ],
  ];
  for (const [label, send, status, type] of cases) {
    const response = await send();
    expect({ label, status: response.status }).toEqual({ label, status });
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ type: `https://teamgate.dev/problems/${type}`, status });
  }
  const list = await clientFor(baseURL!, key).GET("/teams/{team}/invitations", {
    params: { path: { team: "acme" }, query: { q: marker.split("@")[0] } },
  });
  expect(list.data!.data).toEqual([]);
});

test("an invitee's own key accepts and declines; a dead invitation answers 410", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  // A fresh account (signed up from an Acme invitation) so no seeded user changes teams.
  const email = uniqueEmail("api-invitee");
  const password = "a-long-enough-password";
  const admin = await browser.newContext({ storageState: storageStateOf("admin@acme.test") });
  const adminPage = await admin.newPage();
  const link = (await inviteThroughUi(adminPage, [email]))!;
  await admin.close();
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUpThroughLink(page, link, "Api Invitee", password);
  await context.clearCookies();
  const inviteeKey = await createKeyThroughUi(page, { email, password }, ["invitations:read", "invitations:write"]);
  await context.close();

  const globex = clientFor(
    baseURL!,
    await keyInNewContext(browser, "owner@globex.test", ["invitations:read", "invitations:write"]),
  );
  const invitee = clientFor(baseURL!, inviteeKey);

  const toDecline = await invite(globex, "globex", email);
  const received = await invitee.GET("/invitations/received", { params: { query: { limit: 100 } } });
  expect(received.data!.data.map((i) => i.id)).toContain(toDecline);
  expect(received.data!.next).toBeNull();
  const declined = await invitee.POST("/invitations/{id}/decline", {
    params: { path: { id: toDecline } },
    body: { reason: "Not this one" },
  });
  expect(declined.response.status).toBe(204);
  expect(
    (await globex.GET("/teams/{team}/invitations/{id}", { params: { path: { team: "globex", id: toDecline } } })).data
      ?.status,
  ).toBe("DECLINED");
  expect(
    (await invitee.POST("/invitations/{id}/accept", { params: { path: { id: toDecline } } })).response.status,
  ).toBe(410);

  const withdrawn = await invite(globex, "globex", email);
  await globex.POST("/teams/{team}/invitations/{id}/withdraw", { params: { path: { team: "globex", id: withdrawn } } });
  const dead = await invitee.POST("/invitations/{id}/accept", { params: { path: { id: withdrawn } } });
  expect(dead.response.status).toBe(410);
  expect(dead.error).toMatchObject({ type: "https://teamgate.dev/problems/gone", status: 410 });
  expect(
    (await invitee.POST("/invitations/{id}/decline", { params: { path: { id: withdrawn } } })).response.status,
  ).toBe(410);

  const toAccept = await invite(globex, "globex", email);
  expect(
    (
      await clientFor(baseURL!, await keyInNewContext(browser, "admin@acme.test", ["invitations:write"])).POST(
        "/invitations/{id}/accept",
        { params: { path: { id: toAccept } } },
      )
    ).response.status,
  ).toBe(404);
  const accepted = await invitee.POST("/invitations/{id}/accept", { params: { path: { id: toAccept } } });
  expect(accepted.response.status).toBe(200);
  expect(accepted.data).toMatchObject({ invitationId: toAccept, team: { slug: "globex" }, alreadyMember: false });
  expect(
    (await globex.GET("/teams/{team}/invitations/{id}", { params: { path: { team: "globex", id: toAccept } } })).data
      ?.status,
  ).toBe("ACCEPTED");
});

type Endpoint = {
  name: string;
  write: boolean;
  /** Answers 2xx for a caller with the scope in its own team; null: it never does for this caller (someone else's invitation). */
  success: number | null;
  /** Changes the invitation, so each successful call gets a fresh one. */
  consumes?: boolean;
  run: (api: Api, team: string, id: string) => Promise<{ response: Response }>;
};

const ENDPOINTS: Endpoint[] = [
  { name: "sent", write: false, success: 200, run: (api) => api.GET("/invitations/sent") },
  { name: "received", write: false, success: 200, run: (api) => api.GET("/invitations/received") },
  {
    name: "list",
    write: false,
    success: 200,
    run: (api, team) => api.GET("/teams/{team}/invitations", { params: { path: { team } } }),
  },
  {
    name: "get",
    write: false,
    success: 200,
    run: (api, team, id) => api.GET("/teams/{team}/invitations/{id}", { params: { path: { team, id } } }),
  },
  {
    name: "create",
    write: true,
    success: 201,
    run: (api, team) =>
      api.POST("/teams/{team}/invitations", {
        params: { path: { team } },
        body: { emails: [uniqueEmail("matrix")], role: "member" },
      }),
  },
  {
    name: "resend",
    write: true,
    success: 200,
    run: (api, team, id) => api.POST("/teams/{team}/invitations/{id}/resend", { params: { path: { team, id } } }),
  },
  {
    name: "withdraw",
    write: true,
    success: 200,
    consumes: true,
    run: (api, team, id) => api.POST("/teams/{team}/invitations/{id}/withdraw", { params: { path: { team, id } } }),
  },
  {
    name: "delete",
    write: true,
    success: 204,
    consumes: true,
    run: (api, team, id) => api.DELETE("/teams/{team}/invitations/{id}", { params: { path: { team, id } } }),
  },
  {
    name: "accept",
    write: true,
    success: null,
    run: (api, _team, id) => api.POST("/invitations/{id}/accept", { params: { path: { id } } }),
  },
  {
    name: "decline",
    write: true,
    success: null,
    run: (api, _team, id) => api.POST("/invitations/{id}/decline", { params: { path: { id } } }),
  },
];

test("scope × endpoint × team matrix for every endpoint", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const scopeSets: Scope[][] = [["invitations:read"], ["invitations:write"], ["invitations:read", "invitations:write"]];
  const keys = new Map<Scope[], string>();
  for (const scopes of scopeSets) keys.set(scopes, await keyInNewContext(browser, "admin@acme.test", scopes));
  const acmeWriter = clientFor(baseURL!, keys.get(scopeSets[2]!)!);
  const globexWriter = clientFor(
    baseURL!,
    await keyInNewContext(browser, "owner@globex.test", ["invitations:read", "invitations:write"]),
  );
  // Addressed to someone else, so accept and decline by the admin's key find nothing.
  const shared = { acme: await invite(acmeWriter, "acme"), globex: await invite(globexWriter, "globex") };

  const outcomes: Array<{ endpoint: string; scopes: string; team: string; status: number; expected: number }> = [];
  for (const endpoint of ENDPOINTS) {
    for (const scopes of scopeSets) {
      const api = clientFor(baseURL!, keys.get(scopes)!);
      for (const team of ["acme", "globex"] as const) {
        const hasScope = scopes.includes(endpoint.write ? "invitations:write" : "invitations:read");
        const teamScoped = !["sent", "received"].includes(endpoint.name);
        if (!teamScoped && team === "globex") continue;
        const expected = !hasScope ? 403 : endpoint.success === null || team === "globex" ? 404 : endpoint.success;
        const id = endpoint.consumes && team === "acme" && hasScope ? await invite(acmeWriter, "acme") : shared[team];
        const { response } = await endpoint.run(api, team, id);
        expect(response.headers.get("ratelimit")).toMatch(/^"per-key";r=\d+;t=\d+$/);
        outcomes.push({ endpoint: endpoint.name, scopes: scopes.join("+"), team, status: response.status, expected });
      }
    }
  }
  expect(outcomes.filter((outcome) => outcome.status !== outcome.expected)).toEqual([]);
  expect(outcomes).toHaveLength(2 * 3 + 8 * 3 * 2);
  // The other team's invitation went through every write endpoint untouched.
  expect(
    (
      await globexWriter.GET("/teams/{team}/invitations/{id}", {
        params: { path: { team: "globex", id: shared.globex } },
      })
    ).data?.status,
  ).toBe("PENDING");
});

test("the API reference opens from the API keys page, finds an operation by its navigation and leads back to the app", async ({
  page,
}) => {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await addStoredSession(page.context(), "member@acme.test");
    await page.goto("/account/api-keys");
    await page.getByRole("link", { name: "Read the API reference" }).click();
    await expect(page).toHaveURL(/\/docs\/api$/);
    await expect(page.getByRole("heading", { level: 1, name: "Teamgate API reference" })).toBeVisible();
    // Swagger UI, served from our origin under the page's CSP, has rendered the document (the
    // bundle is large: a busy machine may take more than the default 10 s to load it).
    await expect(page.locator("#operations-tag-Invitations")).toBeVisible({ timeout: 30_000 });
    // The descriptions' `code` spans are rendered, not shown as backticks.
    const reference = page.locator(".swagger-ui");
    await expect(reference.locator("code").getByText("api.access", { exact: true })).toBeVisible();
    expect(await reference.innerText()).not.toContain("`");
    // Swagger UI's <main> holds the operations; the page has no second one around it.
    await expect(page.getByRole("main")).toHaveCount(1);
    await page.screenshot({ path: `e2e/screenshots/light-api-reference-${width}.png` });

    // On a phone the navigation folds into a disclosure above the content.
    if (width === 375) await page.getByText("Operations", { exact: true }).click();
    const nav = page.getByRole("navigation", { name: "API reference" });
    await nav.getByRole("link", { name: /Invite one or more addresses/ }).click();
    await expect(page).toHaveURL(/#\/Invitations\/createInvitations$/);
    // The link opens the operation and brings it into view.
    const operation = page.locator("#operations-Invitations-createInvitations");
    await expect(operation.locator(".opblock-body")).toBeVisible();
    await expect(operation).toBeInViewport();
    await expect(operation.getByText("/teams/{team}/invitations", { exact: true })).toBeVisible();
    await expect(operation.getByText('"emails"')).toBeVisible();
    await expect(operation.locator(".response-col_status").getByText("503", { exact: true })).toBeVisible();
    await page.screenshot({ path: `e2e/screenshots/light-api-reference-operation-${width}.png` });
    const { documentWidth, viewport } = await page.evaluate(() => ({
      documentWidth: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(documentWidth).toBeLessThanOrEqual(viewport);

    await page.getByRole("link", { name: "Back to Teamgate" }).click();
    await expect(page).not.toHaveURL(/\/docs\/api/);
    await expect(page.getByRole("button", { name: /^Account menu/ })).toBeVisible();
    await page.context().clearCookies();
  }
});
