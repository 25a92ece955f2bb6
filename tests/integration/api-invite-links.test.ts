import { describe, expect, it } from "vitest";
import { asActor, createTeamWithMembers } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

const linksRoute = await import("@/app/api/v1/teams/[team]/invite-links/route");
const linkRoute = await import("@/app/api/v1/teams/[team]/invite-links/[id]/route");
const { createApiKey } = await import("@/lib/api-keys/create-api-key");

const { db } = getTestDatabase();
type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;
let clients = 0;

async function call(
  handler: unknown,
  {
    key,
    method = "GET",
    body,
    params,
  }: { key: string; method?: string; body?: unknown; params: Record<string, string> },
) {
  const headers: Record<string, string> = {
    authorization: `Bearer ${key}`,
    "x-forwarded-for": `198.51.100.${++clients}`,
  };
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await (handler as Handler)(
    new Request("http://localhost/api/v1/teams/x/invite-links", {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params as never) },
  );
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    text,
    json: text ? JSON.parse(text) : null,
  };
}

async function keyFor(user: { id: string }, scopes: Array<"invitations:read" | "invitations:write">) {
  const created = await createApiKey(asActor(user), { name: "links", scopes });
  if (!created.ok) throw new Error(created.error);
  return created.key;
}

describe("invite links API", () => {
  it("creates (201, URL once), lists without URLs, and revokes (then 409)", async () => {
    const ctx = await createTeamWithMembers(db);
    const key = await keyFor(ctx.admin, ["invitations:read", "invitations:write"]);
    const params = { team: ctx.team.slug };
    const created = await call(linksRoute.POST, {
      key,
      method: "POST",
      params,
      body: { role: "member", maxUses: 3, expiresInDays: 2, allowedDomain: "example.com" },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      link: { role: { key: "member" }, uses: 0, maxUses: 3, status: "ACTIVE", allowedDomain: "example.com" },
      url: expect.stringMatching(/\/join\/tgl_[A-Za-z0-9_-]{43}$/),
    });
    const token = created.json.url.split("/join/")[1];

    const listed = await call(linksRoute.GET, { key, params });
    expect(listed.status).toBe(200);
    expect(listed.json.data).toHaveLength(1);
    expect(listed.text).not.toContain(token);

    const id = created.json.link.id;
    const revoked = await call(linkRoute.DELETE, { key, method: "DELETE", params: { ...params, id } });
    expect(revoked).toMatchObject({ status: 200, json: { status: "REVOKED" } });
    expect(await call(linkRoute.DELETE, { key, method: "DELETE", params: { ...params, id } })).toMatchObject({
      status: 409,
      type: "application/problem+json",
    });
  });

  it("answers 400 for bad bodies, 403 without the scope or above one's role, 404 across teams", async () => {
    const ctx = await createTeamWithMembers(db);
    const other = await createTeamWithMembers(db);
    const key = await keyFor(ctx.admin, ["invitations:read", "invitations:write"]);
    const params = { team: ctx.team.slug };
    for (const body of [
      { role: "member", maxUses: 1, expiresInDays: 31 },
      { role: "member", maxUses: 0, expiresInDays: 1 },
      { role: "member", maxUses: 1, expiresInDays: 1, allowedDomain: "x" },
      { role: "member\u0000", maxUses: 1, expiresInDays: 1 },
      { maxUses: 1, expiresInDays: 1 },
    ])
      expect((await call(linksRoute.POST, { key, method: "POST", params, body })).status).toBe(400);
    expect(
      (
        await call(linksRoute.POST, {
          key,
          method: "POST",
          params,
          body: { role: "owner", maxUses: 1, expiresInDays: 1 },
        })
      ).status,
    ).toBe(403);
    const readOnly = await keyFor(ctx.admin, ["invitations:read"]);
    expect(
      (
        await call(linksRoute.POST, {
          key: readOnly,
          method: "POST",
          params,
          body: { role: "member", maxUses: 1, expiresInDays: 1 },
        })
      ).status,
    ).toBe(403);
    expect((await call(linksRoute.GET, { key, params: { team: other.team.slug } })).status).toBe(404);
    const otherKey = await keyFor(other.admin, ["invitations:read", "invitations:write"]);
    const theirs = await call(linksRoute.POST, {
      key: otherKey,
      method: "POST",
      params: { team: other.team.slug },
      body: { role: "member", maxUses: 1, expiresInDays: 1 },
    });
    expect(
      (
        await call(linkRoute.DELETE, {
          key,
          method: "DELETE",
          params: { team: ctx.team.slug, id: theirs.json.link.id },
        })
      ).status,
    ).toBe(404);
    expect(
      (await call(linkRoute.DELETE, { key, method: "DELETE", params: { team: ctx.team.slug, id: "nope" } })).status,
    ).toBe(404);
  });
});
