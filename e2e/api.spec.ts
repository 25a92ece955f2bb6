import { expect, test } from "@playwright/test";
import createClient from "openapi-fetch";
import type { paths } from "./api/openapi-types";
import { signIn, uniqueEmail } from "./helpers";

async function createKeyThroughUi(page: import("@playwright/test").Page, email: string, scopes: string[]) {
  await signIn(page, email, undefined, "/account/api-keys");
  const name = `e2e ${scopes.join(" ")}`;
  // Typing and clicks before hydration are lost by controlled inputs, so set them inside the retry.
  await expect(async () => {
    await page.getByLabel("Name").fill(name);
    for (const scope of ["invitations:read", "invitations:write"]) {
      const box = page.getByRole("checkbox", { name: scope });
      if ((await box.getAttribute("aria-checked")) !== String(scopes.includes(scope))) await box.click();
    }
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByLabel("New API key")).toHaveValue(/^tg_live_/, { timeout: 2000 });
  }).toPass({ timeout: 15_000 });
  return page.getByLabel("New API key").inputValue();
}

test("the typed client drives the whole lifecycle against the running server", async ({ page, baseURL }) => {
  const key = await createKeyThroughUi(page, "admin@acme.test", ["invitations:read", "invitations:write"]);
  const api = createClient<paths>({ baseUrl: `${baseURL}/api/v1`, headers: { Authorization: `Bearer ${key}` } });

  const emails = [uniqueEmail("api-one"), uniqueEmail("api-two"), uniqueEmail("api-three")];
  const created = await api.POST("/teams/{team}/invitations", { params: { path: { team: "acme" } }, body: { emails, role: "member", language: "fr" } });
  expect(created.response.status).toBe(201);
  expect(created.data?.counts.invited).toBe(3);

  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page1 = await api.GET("/teams/{team}/invitations", { params: { path: { team: "acme" }, query: { limit: 1, q: "api-", sort: "email", cursor } } });
    expect(page1.response.status).toBe(200);
    expect(page1.response.headers.get("ratelimit-limit")).toBeTruthy();
    ids.push(...page1.data!.data.map((i) => i.id));
    cursor = page1.data!.next ?? undefined;
  } while (cursor);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBeGreaterThanOrEqual(3);

  const id = created.data!.results[0]!.invitationId!;
  const one = await api.GET("/teams/{team}/invitations/{id}", { params: { path: { team: "acme", id } } });
  expect(one.data).toMatchObject({ id, status: "PENDING", language: "fr", team: { slug: "acme" } });
  expect(JSON.stringify(one.data)).not.toContain("tgi_");

  expect((await api.POST("/teams/{team}/invitations/{id}/resend", { params: { path: { team: "acme", id } } })).data?.status).toBe("PENDING");
  expect((await api.POST("/teams/{team}/invitations/{id}/withdraw", { params: { path: { team: "acme", id } } })).data?.status).toBe("WITHDRAWN");
  const again = await api.POST("/teams/{team}/invitations/{id}/withdraw", { params: { path: { team: "acme", id } } });
  expect(again.response.status).toBe(409);
  expect(again.response.headers.get("content-type")).toBe("application/problem+json");
  expect((await api.DELETE("/teams/{team}/invitations/{id}", { params: { path: { team: "acme", id } } })).response.status).toBe(204);
  expect((await api.GET("/teams/{team}/invitations/{id}", { params: { path: { team: "acme", id } } })).response.status).toBe(404);
  expect((await api.GET("/teams/{team}/invitations", { params: { path: { team: "globex" } } })).response.status).toBe(404);

  const sent = await api.GET("/invitations/sent", { params: { query: { limit: 100 } } });
  expect(sent.data!.data.map((i) => i.email)).toEqual(expect.arrayContaining([emails[1]!.toLowerCase()]));
});

test("the API refuses missing keys, cookies and missing scopes", async ({ page, baseURL, request }) => {
  const anonymous = createClient<paths>({ baseUrl: `${baseURL}/api/v1` });
  const missing = await anonymous.GET("/invitations/received");
  expect(missing.response.status).toBe(401);
  expect(missing.error).toMatchObject({ type: "https://teamgate.dev/problems/unauthenticated" });

  const readOnlyKey = await createKeyThroughUi(page, "member@acme.test", ["invitations:read"]);
  // Signed in with a session cookie, the API still answers 401 without a key.
  const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  expect((await request.get("/api/v1/invitations/received", { headers: { cookie: cookies } })).status()).toBe(401);

  const member = createClient<paths>({ baseUrl: `${baseURL}/api/v1`, headers: { Authorization: `Bearer ${readOnlyKey}` } });
  expect((await member.GET("/invitations/received")).response.status).toBe(200);
  expect((await member.POST("/teams/{team}/invitations", { params: { path: { team: "acme" } }, body: { emails: ["x@example.com"], role: "member" } })).response.status).toBe(403);
  expect((await member.GET("/teams/{team}/invitations", { params: { path: { team: "acme" } } })).response.status).toBe(403);

  const document = await (await request.get("/api/v1/openapi.json")).json();
  expect(document.openapi).toBe("3.1.0");
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { name: "Teamgate API" })).toBeVisible();
});
