import { randomBytes, randomUUID } from "node:crypto";
import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it, vi } from "vitest";
import { asActor, createTeamWithMembers, createUser } from "../helpers/factories";
import { startWithinOneWindow } from "../helpers/rate-limit-window";
import { getTestDatabase } from "../helpers/test-database";

vi.hoisted(() => {
  process.env.API_REQUESTS_PER_MINUTE = "40";
  process.env.INVITES_PER_TEAM_PER_HOUR = "5000";
  process.env.INVITES_PER_INVITER_PER_HOUR = "5000";
});

const teamInvitations = await import("@/app/api/v1/teams/[team]/invitations/route");
const teamInvitation = await import("@/app/api/v1/teams/[team]/invitations/[id]/route");
const resendRoute = await import("@/app/api/v1/teams/[team]/invitations/[id]/resend/route");
const resetLinkRoute = await import("@/app/api/v1/teams/[team]/invitations/[id]/reset-link/route");
const withdrawRoute = await import("@/app/api/v1/teams/[team]/invitations/[id]/withdraw/route");
const sentRoute = await import("@/app/api/v1/invitations/sent/route");
const receivedRoute = await import("@/app/api/v1/invitations/received/route");
const acceptRoute = await import("@/app/api/v1/invitations/[id]/accept/route");
const declineRoute = await import("@/app/api/v1/invitations/[id]/decline/route");
const openapiRoute = await import("@/app/api/v1/openapi.json/route");
const { API_WINDOW_SECONDS } = await import("@/lib/api/rate-limit-headers");
const { createApiKey } = await import("@/lib/api-keys/create-api-key");
const { revokeApiKey } = await import("@/lib/api-keys/revoke-api-key");
const { apiRoute } = await import("@/lib/api/api-handler");

const { db } = getTestDatabase();

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

async function call(
  handler: unknown,
  {
    key,
    method = "GET",
    path = "/",
    body,
    params = {},
    headers = {},
  }: {
    key?: string;
    method?: string;
    path?: string;
    body?: unknown;
    params?: Record<string, string>;
    headers?: Record<string, string>;
  },
) {
  const init: RequestInit = { method, headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] ??= "application/json";
  }
  const response = await (handler as Handler)(new Request(`http://localhost/api/v1${path}`, init), {
    params: Promise.resolve(params as never),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: text ? (JSON.parse(text) as Record<string, unknown> & { data?: Array<Record<string, unknown>> }) : null,
  };
}

async function keyFor(
  user: { id: string },
  scopes: Array<"invitations:read" | "invitations:write"> = ["invitations:read", "invitations:write"],
) {
  const created = await createApiKey(asActor(user), { name: "test", scopes });
  if (!created.ok) throw new Error(created.error);
  return created.key;
}

describe("authentication and authorization", () => {
  it("answers 401 with WWW-Authenticate for missing, unknown, revoked and expired keys; cookies are ignored", async () => {
    const ctx = await createTeamWithMembers(db);
    const key = await keyFor(ctx.admin);
    const revoked = await keyFor(ctx.admin);
    const created = await db.apiKey.findFirstOrThrow({
      where: { keyHash: { not: "" }, userId: ctx.admin.id },
      orderBy: { createdAt: "desc" },
    });
    await revokeApiKey(asActor(ctx.admin), created.id);
    const expired = await keyFor(ctx.admin);
    await db.apiKey.updateMany({
      where: { userId: ctx.admin.id, prefix: expired.slice(0, 14) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

    for (const candidate of [
      undefined,
      "tg_live_unknown",
      `tg_live_${randomBytes(32).toString("base64url")}`,
      revoked,
      expired,
    ]) {
      const response = await call(teamInvitations.GET, {
        key: candidate,
        params: { team: ctx.team.slug },
        headers: { cookie: "next-auth.session-token=whatever" },
      });
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(response.headers.get("www-authenticate")).toContain("Bearer");
      expect(response.json).toMatchObject({ type: "https://teamgate.dev/problems/unauthenticated", status: 401 });
    }
    expect((await call(teamInvitations.GET, { key, params: { team: ctx.team.slug } })).status).toBe(200);
  });

  it("scope × endpoint × role × team matrix", async () => {
    const ctx = await createTeamWithMembers(db);
    const other = await createTeamWithMembers(db);
    const outsider = await createUser(db);
    const invited = await call(teamInvitations.POST, {
      key: await keyFor(ctx.admin),
      method: "POST",
      params: { team: ctx.team.slug },
      body: { emails: ["matrix@example.com"], role: "member" },
    });
    const id = (invited.json!.results as Array<{ invitationId: string }>)[0]!.invitationId;

    const callers = {
      ownerRW: await keyFor(ctx.owner),
      adminRead: await keyFor(ctx.admin, ["invitations:read"]),
      adminWrite: await keyFor(ctx.admin, ["invitations:write"]),
      member: await keyFor(ctx.member),
      outsider: await keyFor(outsider),
      otherTeamAdmin: await keyFor(other.admin),
    };
    const endpoints = [
      { name: "list", handler: teamInvitations.GET, write: false, params: { team: ctx.team.slug } },
      { name: "get", handler: teamInvitation.GET, write: false, params: { team: ctx.team.slug, id } },
      {
        name: "create",
        handler: teamInvitations.POST,
        write: true,
        method: "POST",
        params: { team: ctx.team.slug },
        body: { emails: [`x${randomUUID()}@example.com`], role: "member" },
      },
      {
        name: "withdraw",
        handler: withdrawRoute.POST,
        write: true,
        method: "POST",
        params: { team: ctx.team.slug, id },
      },
    ];
    const expectations: Record<keyof typeof callers, (write: boolean) => number[]> = {
      ownerRW: () => [200, 201],
      adminRead: (write) => (write ? [403] : [200]),
      adminWrite: (write) => (write ? [200, 201] : [403]),
      member: () => [403],
      outsider: () => [404],
      otherTeamAdmin: () => [404],
    };
    for (const endpoint of endpoints) {
      for (const [caller, key] of Object.entries(callers) as Array<[keyof typeof callers, string]>) {
        if (caller === "ownerRW" && endpoint.name === "withdraw") continue;
        const before = await db.invitation.findUniqueOrThrow({ where: { id } });
        const response = await call(endpoint.handler, {
          key,
          method: endpoint.method,
          params: endpoint.params as Record<string, string>,
          body: endpoint.body,
        });
        expect({ endpoint: endpoint.name, caller, status: response.status }).toEqual({
          endpoint: endpoint.name,
          caller,
          status: expect.toBeOneOf(expectations[caller](endpoint.write)),
        });
        if (response.status >= 400) expect(await db.invitation.findUniqueOrThrow({ where: { id } })).toEqual(before);
      }
    }
    // The other team's admin naming their own team still cannot reach this invitation.
    expect(
      (await call(teamInvitation.GET, { key: callers.otherTeamAdmin, params: { team: other.team.slug, id } })).status,
    ).toBe(404);
    expect(
      (
        await call(withdrawRoute.POST, {
          key: callers.otherTeamAdmin,
          method: "POST",
          params: { team: other.team.id, id },
        })
      ).status,
    ).toBe(404);
    expect((await db.invitation.findUniqueOrThrow({ where: { id } })).status).toBe("WITHDRAWN");
  });
});

describe("lifecycle", () => {
  it("create, list, get, resend, withdraw, delete; accept and decline by the invitee; never a token", async () => {
    const ctx = await createTeamWithMembers(db);
    const adminKey = await keyFor(ctx.admin);
    const invitee = await createUser(db, { email: "api-invitee@example.com" });
    const inviteeKey = await keyFor(invitee);

    const created = await call(teamInvitations.POST, {
      key: adminKey,
      method: "POST",
      params: { team: ctx.team.id },
      body: {
        emails: ["api-invitee@example.com", "second@example.com", "bad"],
        role: "admin",
        groups: ["Engineering"],
        language: "fr",
      },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      counts: { invited: 2, invalid: 1 },
      summary: expect.stringContaining("2 invitations sent"),
    });
    const [firstId, secondId] = (created.json!.results as Array<{ invitationId?: string }>).map((r) => r.invitationId);

    const again = await call(teamInvitations.POST, {
      key: adminKey,
      method: "POST",
      params: { team: ctx.team.slug },
      body: { emails: ["second@example.com"], role: "member" },
    });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ counts: { invited: 0, alreadyInvited: 1 } });

    const list = await call(teamInvitations.GET, {
      key: adminKey,
      params: { team: ctx.team.slug },
      path: "/?sort=email",
    });
    expect(list.status).toBe(200);
    expect(list.json!.data!.map((i) => i.email)).toEqual(["api-invitee@example.com", "second@example.com"]);
    expect(list.json!.data![0]).toMatchObject({
      status: "PENDING",
      role: { key: "admin" },
      groups: [{ name: "Engineering" }],
      language: "fr",
      creator: { id: ctx.admin.id },
      team: { slug: ctx.team.slug },
      delivery: { status: "QUEUED", lastError: null },
    });
    expect(list.headers.get("ratelimit-policy")).toBe('"per-key";q=40;w=60');
    expect(list.headers.get("ratelimit")).toMatch(/^"per-key";r=\d+;t=\d+$/);

    const one = await call(teamInvitation.GET, { key: adminKey, params: { team: ctx.team.slug, id: secondId! } });
    expect(one.json).toMatchObject({ id: secondId, email: "second@example.com" });
    const hashOf = async (id: string) => (await db.invitation.findUniqueOrThrow({ where: { id } })).tokenHash;
    const firstHash = await hashOf(secondId!);
    const resent = await call(resendRoute.POST, {
      key: adminKey,
      method: "POST",
      params: { team: ctx.team.slug, id: secondId! },
    });
    expect(resent.json).toMatchObject({ status: "PENDING" });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: secondId! } })).sendCount).toBe(2);
    // A resend keeps the link; a reset replaces it and remembers the old one.
    expect(await hashOf(secondId!)).toBe(firstHash);
    const reset = await call(resetLinkRoute.POST, {
      key: adminKey,
      method: "POST",
      params: { team: ctx.team.slug, id: secondId! },
    });
    expect(reset.status).toBe(200);
    expect(reset.json).toMatchObject({ status: "PENDING" });
    expect(await hashOf(secondId!)).not.toBe(firstHash);
    expect(
      await db.invitationPreviousToken.findMany({ where: { invitationId: secondId! }, select: { tokenHash: true } }),
    ).toEqual([{ tokenHash: firstHash }]);
    expect(
      (
        await call(resetLinkRoute.POST, {
          key: adminKey,
          method: "POST",
          params: { team: ctx.team.slug, id: randomUUID() },
        })
      ).status,
    ).toBe(404);
    const sent = await call(sentRoute.GET, { key: adminKey });
    expect(sent.json!.data!.map((i) => i.id).sort()).toEqual([firstId, secondId].sort());

    const received = await call(receivedRoute.GET, { key: inviteeKey });
    expect(received.json!.data!.map((i) => i.id)).toEqual([firstId]);
    expect((await call(acceptRoute.POST, { key: adminKey, method: "POST", params: { id: firstId! } })).status).toBe(
      404,
    );
    const accepted = await call(acceptRoute.POST, { key: inviteeKey, method: "POST", params: { id: firstId! } });
    expect(accepted.json).toMatchObject({
      team: { slug: ctx.team.slug },
      role: { name: "Admin" },
      alreadyMember: false,
    });
    expect(
      (await call(declineRoute.POST, { key: inviteeKey, method: "POST", params: { id: firstId! }, body: {} })).status,
    ).toBe(410);

    expect(
      (
        await call(withdrawRoute.POST, {
          key: adminKey,
          method: "POST",
          params: { team: ctx.team.slug, id: secondId! },
        })
      ).json,
    ).toMatchObject({ status: "WITHDRAWN" });
    expect(
      (
        await call(withdrawRoute.POST, {
          key: adminKey,
          method: "POST",
          params: { team: ctx.team.slug, id: secondId! },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await call(teamInvitation.DELETE, {
          key: adminKey,
          method: "DELETE",
          params: { team: ctx.team.slug, id: secondId! },
        })
      ).status,
    ).toBe(204);
    expect(
      (await call(teamInvitation.GET, { key: adminKey, params: { team: ctx.team.slug, id: secondId! } })).status,
    ).toBe(404);

    for (const response of [created, list, one, resent, reset, sent, received, accepted]) {
      expect(response.text).not.toMatch(/tgi_|tokenHash|tokenSealed/);
    }
  });

  it("decline with a reason by the invitee's key", async () => {
    const ctx = await createTeamWithMembers(db);
    const invitee = await createUser(db, { email: "api-decliner@example.com" });
    const created = await call(teamInvitations.POST, {
      key: await keyFor(ctx.admin),
      method: "POST",
      params: { team: ctx.team.slug },
      body: { emails: ["api-decliner@example.com"], role: "member" },
    });
    const id = (created.json!.results as Array<{ invitationId: string }>)[0]!.invitationId;
    expect(
      (
        await call(declineRoute.POST, {
          key: await keyFor(invitee),
          method: "POST",
          params: { id },
          body: { reason: "Not now" },
        })
      ).status,
    ).toBe(204);
    expect(await db.invitation.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "DECLINED",
      declineReason: "Not now",
    });
  });
});

describe("the caller's own lists", () => {
  it("sent lists the caller's invitations in every team they still manage, and no longer a team they lost", async () => {
    const first = await createTeamWithMembers(db);
    const second = await createTeamWithMembers(db);
    const membership = await db.membership.create({
      data: { teamId: second.team.id, userId: first.admin.id, roleId: second.roles.admin.id },
    });
    const key = await keyFor(first.admin);
    for (const team of [first.team, second.team]) {
      await call(teamInvitations.POST, {
        key,
        method: "POST",
        params: { team: team.slug },
        body: { emails: [`sent-${team.slug}@example.com`], role: "member" },
      });
    }
    const both = await call(sentRoute.GET, { key });
    expect(both.json!.data!.map((i) => (i.team as { slug: string }).slug).sort()).toEqual(
      [first.team.slug, second.team.slug].sort(),
    );
    await db.membership.update({ where: { id: membership.id }, data: { roleId: second.roles.member.id } });
    const after = await call(sentRoute.GET, { key });
    expect(after.json!.data!.map((i) => (i.team as { slug: string }).slug)).toEqual([first.team.slug]);
  });

  it("received is paginated by cursor across teams, with no cap", async () => {
    const invitee = await createUser(db, { email: `many-${randomUUID()}@example.com` });
    const key = await keyFor(invitee);
    const expected: string[] = [];
    for (let t = 0; t < 3; t += 1) {
      const ctx = await createTeamWithMembers(db);
      for (let i = 0; i < 3; i += 1) {
        const address = i === 0 ? invitee.email : `someone-${randomUUID()}@example.com`;
        const created = await call(teamInvitations.POST, {
          key: await keyFor(ctx.admin),
          method: "POST",
          params: { team: ctx.team.slug },
          body: { emails: [address], role: "member" },
        });
        if (i === 0) expected.push((created.json!.results as Array<{ invitationId: string }>)[0]!.invitationId);
      }
      await db.invitation.create({
        data: {
          teamId: ctx.team.id,
          email: `${t}${invitee.email}`,
          emailCanonical: invitee.emailCanonical,
          roleId: ctx.roles.member.id,
          inviterId: ctx.admin.id,
          status: "WITHDRAWN",
          expiresAt: new Date(Date.now() + 86_400_000),
          tokenHash: randomBytes(32).toString("hex"),
          tokenSealed: "v1.x.y.z",
        },
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await call(receivedRoute.GET, { key, path: `/?limit=2${cursor ? `&cursor=${cursor}` : ""}` });
      expect(response.status).toBe(200);
      seen.push(...response.json!.data!.map((i) => i.id as string));
      cursor = response.json!.next as string | null;
      pages += 1;
    } while (cursor);
    expect(seen.sort()).toEqual(expected.sort());
    expect(pages).toBe(2);
    expect((await call(receivedRoute.GET, { key, path: "/?cursor=garbage" })).status).toBe(400);
  });
});

describe("names in the body", () => {
  it("role keys and group names are looked up only after the caller is authorized", async () => {
    const ctx = await createTeamWithMembers(db);
    const outsiderKey = await keyFor(await createUser(db));
    const holder = globalThis as { teamgateDb?: unknown };
    const original = holder.teamgateDb;
    const operations: string[] = [];
    holder.teamgateDb = db.$extends({
      query: {
        // Raw statements too: the guard reads the membership in one hand-written statement.
        $allOperations({ model, operation, args, query }) {
          const guard = !model && /FROM \\"Membership\\" m\b/.test(JSON.stringify(args));
          operations.push(guard ? "Membership.guard" : `${model}.${operation}`);
          return query(args);
        },
      },
    });
    try {
      const response = await call(teamInvitations.POST, {
        key: outsiderKey,
        method: "POST",
        params: { team: ctx.team.slug },
        body: { emails: ["n@example.com"], role: "admin", groups: ["Engineering"] },
      });
      expect(response.status).toBe(404);
    } finally {
      holder.teamgateDb = original;
    }
    const guard = operations.indexOf("Membership.guard");
    expect(guard).toBeGreaterThanOrEqual(0);
    expect(operations.slice(0, guard).filter((operation) => /^(Role|Group)\./.test(operation))).toEqual([]);
    expect(operations.filter((operation) => /^(Role|Group)\./.test(operation))).toEqual([]);
  });

  it("answers unknown role keys and group names as field errors on the API's own fields", async () => {
    const ctx = await createTeamWithMembers(db);
    const key = await keyFor(ctx.admin);
    const badRole = await call(teamInvitations.POST, {
      key,
      method: "POST",
      params: { team: ctx.team.slug },
      body: { emails: ["n@example.com"], role: "wizard" },
    });
    expect(badRole.status).toBe(400);
    expect(badRole.json!.errors).toEqual({ role: ["Unknown role: wizard"] });
    const badGroup = await call(teamInvitations.POST, {
      key,
      method: "POST",
      params: { team: ctx.team.slug },
      body: { emails: ["n@example.com"], role: "member", groups: ["Sales", "Nope"] },
    });
    expect(badGroup.json!.errors).toEqual({ groups: ["Unknown group: Nope"] });
    const byIds = await call(teamInvitations.POST, {
      key,
      method: "POST",
      params: { team: ctx.team.id },
      body: { emails: ["n@example.com"], role: ctx.roles.member.id, groups: [ctx.groups[1]!.id, "Engineering"] },
    });
    expect(byIds.status).toBe(201);
    const created = await db.invitation.findFirstOrThrow({ where: { teamId: ctx.team.id }, include: { groups: true } });
    expect(created.roleId).toBe(ctx.roles.member.id);
    expect(created.groups).toHaveLength(2);
    expect(await db.invitation.count({ where: { teamId: ctx.team.id } })).toBe(1);
  });
});

describe("bad input changes nothing", () => {
  it.each([
    ["malformed JSON", "{not json", {}, 400, "malformed-json"],
    ["wrong types", { emails: "a@b.com", role: 5 }, {}, 400, "invalid-request"],
    ["unknown fields", { emails: ["a@example.com"], role: "member", admin: true }, {}, 400, "invalid-request"],
    [
      "oversized bodies",
      { emails: ["a@example.com"], role: "member", padding: "x".repeat(300 * 1024) },
      {},
      413,
      "payload-too-large",
    ],
    [
      "a wrong content type",
      "emails=a@example.com",
      { "content-type": "application/x-www-form-urlencoded" },
      415,
      "unsupported-media-type",
    ],
  ])("%s", async (_label, body, headers, status, type) => {
    const ctx = await createTeamWithMembers(db);
    const response = await call(teamInvitations.POST, {
      key: await keyFor(ctx.admin),
      method: "POST",
      params: { team: ctx.team.slug },
      body,
      headers,
    });
    expect(response.status).toBe(status);
    expect(response.json).toMatchObject({ type: `https://teamgate.dev/problems/${type}`, status });
    if (type === "invalid-request") expect(Object.keys(response.json!.errors as object).length).toBeGreaterThan(0);
    expect(await db.invitation.count({ where: { teamId: ctx.team.id } })).toBe(0);
  });

  it("rejects unknown query parameters and bad cursors", async () => {
    const ctx = await createTeamWithMembers(db);
    const key = await keyFor(ctx.admin);
    expect(
      (await call(teamInvitations.GET, { key, params: { team: ctx.team.slug }, path: "/?limit=1000" })).status,
    ).toBe(400);
    expect(
      (await call(teamInvitations.GET, { key, params: { team: ctx.team.slug }, path: "/?sort=tokenHash" })).status,
    ).toBe(400);
    expect(
      (await call(teamInvitations.GET, { key, params: { team: ctx.team.slug }, path: "/?cursor=garbage" })).status,
    ).toBe(400);
  });
});

describe("pagination and limits", () => {
  it("walks 1,000 invitations by cursor with no duplicates or gaps, even with inserts in between", async () => {
    const ctx = await createTeamWithMembers(db);
    const key = await keyFor(ctx.admin);
    const base = Date.now() - 1_000_000;
    await db.invitation.createMany({
      data: Array.from({ length: 1000 }, (_, i) => ({
        teamId: ctx.team.id,
        email: `page${String(i).padStart(4, "0")}@example.com`,
        emailCanonical: `page${String(i).padStart(4, "0")}@example.com`,
        pendingKey: `page${String(i).padStart(4, "0")}@example.com`,
        roleId: ctx.roles.member.id,
        inviterId: ctx.admin.id,
        createdAt: new Date(base + Math.floor(i / 3) * 1000),
        expiresAt: new Date(Date.now() + 86_400_000),
        tokenHash: randomBytes(32).toString("hex"),
        tokenSealed: "v1.x.y.z",
      })),
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await call(teamInvitations.GET, {
        key,
        params: { team: ctx.team.slug },
        path: `/?limit=100${cursor ? `&cursor=${cursor}` : ""}`,
      });
      expect(response.status).toBe(200);
      seen.push(...response.json!.data!.map((i) => i.id as string));
      cursor = response.json!.next as string | null;
      pages += 1;
      // Newer invitations arrive while the client pages; they sort before the cursor and are not repeated.
      if (pages === 3)
        await call(teamInvitations.POST, {
          key,
          method: "POST",
          params: { team: ctx.team.slug },
          body: { emails: [`late${pages}@example.com`], role: "member" },
        });
    } while (cursor);
    expect(seen).toHaveLength(1000);
    expect(new Set(seen).size).toBe(1000);
    expect(pages).toBe(10);
  }, 60_000);

  it("answers 429 with Retry-After once a key exceeds its limit", async () => {
    const ctx = await createTeamWithMembers(db);
    const key = await keyFor(ctx.admin);
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 81; i += 1) {
      const response = await call(receivedRoute.GET, { key });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get("retry-after");
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});

describe("every answer carries RateLimit headers", () => {
  const expectHeaders = (response: { headers: Headers }, policy: string) => {
    expect(response.headers.get("ratelimit-policy")).toBe(`"${policy}";q=40;w=60`);
    expect(response.headers.get("ratelimit")).toMatch(new RegExp(`^"${policy}";r=\\d+;t=\\d+$`));
  };

  it("on 401, scope 403, handler 404s and the OpenAPI document", async () => {
    const ctx = await createTeamWithMembers(db);
    const readKey = await keyFor(ctx.admin, ["invitations:read"]);
    const missing = await call(receivedRoute.GET, { headers: { "x-forwarded-for": "203.0.113.80" } });
    expect(missing.status).toBe(401);
    expectHeaders(missing, "per-client");
    const scope = await call(teamInvitations.POST, {
      key: readKey,
      method: "POST",
      params: { team: ctx.team.slug },
      body: { emails: ["a@example.com"], role: "member" },
    });
    expect(scope.status).toBe(403);
    expectHeaders(scope, "per-key");
    const absent = await call(teamInvitation.GET, { key: readKey, params: { team: ctx.team.slug, id: randomUUID() } });
    expect(absent.status).toBe(404);
    expectHeaders(absent, "per-key");
    const document = await openapiRoute.GET(
      new Request("http://localhost/api/v1/openapi.json", { headers: { "x-forwarded-for": "203.0.113.81" } }),
    );
    expect(document.status).toBe(200);
    expectHeaders(document, "per-client");
  });

  it("limits requests without a key per client address", async () => {
    await startWithinOneWindow(db, API_WINDOW_SECONDS, 10);
    const statuses: number[] = [];
    for (let i = 0; i < 41; i += 1)
      statuses.push(
        (await call(receivedRoute.GET, { key: "tg_live_guess", headers: { "x-forwarded-for": "203.0.113.90" } }))
          .status,
      );
    expect(statuses.slice(0, 40).every((status) => status === 401)).toBe(true);
    const limited = await call(receivedRoute.GET, {
      key: "tg_live_guess",
      headers: { "x-forwarded-for": "203.0.113.90" },
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("unexpected errors", () => {
  it("a request cut off by its client answers 400 and logs nothing", async () => {
    const ctx = await createTeamWithMembers(db);
    const key = await keyFor(ctx.admin);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      // What reading the body throws when the client hangs up mid-request.
      const cutOff = apiRoute("invitations:write", async () => {
        throw Object.assign(new Error("aborted"), { code: "ECONNRESET" });
      });
      const response = await call(cutOff, { key, method: "POST", body: {} });
      expect(response.status).toBe(400);
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it("answer a problem+json 500 with RateLimit headers and no details, and are logged", async () => {
    const ctx = await createTeamWithMembers(db);
    const key = await keyFor(ctx.admin);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const throwing = apiRoute("invitations:read", async () => {
        throw new Error("connection to 10.0.0.5 refused: secret detail");
      });
      const response = await call(throwing, { key });
      expect(response.status).toBe(500);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(response.json).toEqual({
        type: "https://teamgate.dev/problems/internal",
        title: "Internal server error",
        status: 500,
        detail: expect.any(String),
      });
      expect(response.text).not.toContain("secret detail");
      expect(response.headers.get("ratelimit")).toMatch(/^"per-key";r=\d+;t=\d+$/);
      expect(logged).toHaveBeenCalledWith(
        expect.stringContaining("API GET /api/v1/ failed"),
        expect.objectContaining({ message: expect.stringContaining("secret detail") }),
      );
    } finally {
      logged.mockRestore();
    }
  });
});

describe("OpenAPI", () => {
  it("is a valid OpenAPI 3.1 document describing every route", async () => {
    const document = await (await openapiRoute.GET(new Request("http://localhost/api/v1/openapi.json"))).json();
    const validated = await SwaggerParser.validate(structuredClone(document));
    expect((validated as { openapi?: string }).openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual([
      "/invitations/received",
      "/invitations/sent",
      "/invitations/{id}/accept",
      "/invitations/{id}/decline",
      "/invite-links/join",
      "/teams/{team}/invitations",
      "/teams/{team}/invitations.csv",
      "/teams/{team}/invitations/bulk",
      "/teams/{team}/invitations/{id}",
      "/teams/{team}/invitations/{id}/resend",
      "/teams/{team}/invitations/{id}/reset-link",
      "/teams/{team}/invitations/{id}/withdraw",
      "/teams/{team}/invite-links",
      "/teams/{team}/invite-links/{id}",
      "/teams/{team}/join-requests",
      "/teams/{team}/join-requests/{id}/approve",
      "/teams/{team}/join-requests/{id}/reject",
      "/teams/{team}/webhook-deliveries/{id}/replay",
      "/teams/{team}/webhooks",
      "/teams/{team}/webhooks/{id}",
      "/teams/{team}/webhooks/{id}/deliveries",
      "/teams/{team}/webhooks/{id}/rotate-secret",
    ]);
    expect(document.components.schemas.CreateInvitations.required).toEqual(["emails", "role"]);
    expect(document.components.schemas.CreateInvitations.additionalProperties).toBe(false);

    type Operation = { operationId: string; responses: Record<string, { headers?: Record<string, { $ref: string }> }> };
    const operations = Object.values(document.paths as Record<string, Record<string, Operation>>).flatMap((methods) =>
      Object.values(methods),
    );
    for (const operation of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        expect({ operation: operation.operationId, status, headers: Object.keys(response.headers ?? {}) }).toEqual({
          operation: operation.operationId,
          status,
          headers: expect.arrayContaining([
            "RateLimit-Policy",
            "RateLimit",
            ...(status === "429" || status === "503" ? ["Retry-After"] : []),
          ]),
        });
      }
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(["401", "403", "429", "500"]));
    }
    const statuses = (id: string) =>
      Object.keys(operations.find((operation) => operation.operationId === id)!.responses);
    expect(statuses("createInvitations")).toEqual(
      expect.arrayContaining(["201", "200", "400", "404", "413", "415", "422"]),
    );
    expect(statuses("acceptInvitation")).toEqual(expect.arrayContaining(["404", "410", "422"]));
    expect(statuses("declineInvitation")).toEqual(expect.arrayContaining(["404", "410", "413", "415"]));
    expect(statuses("joinInviteLink")).toEqual(
      expect.arrayContaining(["200", "400", "403", "404", "409", "410", "413", "415", "422", "429", "503"]),
    );
    expect(statuses("withdrawTeamInvitation")).toEqual(expect.arrayContaining(["404", "409"]));
    // runTransaction answers 503 with Retry-After after its bounded retries: every write says so, no read does.
    const writes = [
      "acceptInvitation",
      "bulkTeamInvitations",
      "declineInvitation",
      "createInvitations",
      "createTeamInviteLink",
      "joinInviteLink",
      "deleteTeamInvitation",
      "revokeTeamInviteLink",
      "resendTeamInvitation",
      "withdrawTeamInvitation",
      "suggestMember",
      "approveJoinRequest",
      "rejectJoinRequest",
      "createWebhookEndpoint",
      "updateWebhookEndpoint",
      "deleteWebhookEndpoint",
      "rotateWebhookSecret",
      "replayWebhookDelivery",
    ];
    expect(
      operations
        .filter((operation) => "503" in operation.responses)
        .map((operation) => operation.operationId)
        .sort(),
    ).toEqual([...writes].sort());
    expect(document.components.headers["Retry-After"]).toBeDefined();
    expect(document.paths["/invitations/sent"].get.description).toContain("no longer read its invitations");
    expect(statuses("bulkTeamInvitations")).toEqual(expect.arrayContaining(["200", "400", "404", "413", "415", "503"]));
    expect(document.components.schemas.BulkInvitations.required).toEqual(["action", "target"]);
    expect(document.components.schemas.BulkInvitations.additionalProperties).toBe(false);
  });
});
