import { describe, expect, it } from "vitest";
import { asActor, createTeamWithMembers, createUser } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

const linksRoute = await import("@/app/api/v1/teams/[team]/invite-links/route");
const linkRoute = await import("@/app/api/v1/teams/[team]/invite-links/[id]/route");
const joinRoute = await import("@/app/api/v1/invite-links/join/route");
const { createApiKey } = await import("@/lib/api-keys/create-api-key");
const { consumeRateLimit } = await import("@/lib/rate-limit/consume-rate-limit");

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

  describe("joining through a link (POST /invite-links/join)", () => {
    type Ctx = Awaited<ReturnType<typeof createTeamWithMembers>>;
    async function linkOf(ctx: Ctx, body: Record<string, unknown> = {}) {
      const key = await keyFor(ctx.admin, ["invitations:read", "invitations:write"]);
      const created = await call(linksRoute.POST, {
        key,
        method: "POST",
        params: { team: ctx.team.slug },
        body: { role: "member", maxUses: 5, expiresInDays: 7, ...body },
      });
      expect(created.status).toBe(201);
      return { id: created.json.link.id as string, token: (created.json.url as string).split("/join/")[1]! };
    }
    async function joiner(options: { email?: string; verified?: boolean } = {}) {
      const user = await createUser(db, options);
      return { user, key: await keyFor(user, ["invitations:write"]) };
    }
    const join = (key: string, body: unknown) => call(joinRoute.POST, { key, method: "POST", params: {}, body });
    const usesOf = async (id: string) => (await db.inviteLink.findUniqueOrThrow({ where: { id } })).uses;
    const isMember = async (ctx: Ctx, userId: string) =>
      (await db.membership.count({ where: { teamId: ctx.team.id, userId } })) === 1;

    it("joins the key's user with the link's role; again, spends no use and says so", async () => {
      const ctx = await createTeamWithMembers(db);
      const link = await linkOf(ctx);
      const { user, key } = await joiner();
      const joined = await join(key, { token: link.token });
      expect(joined).toMatchObject({
        status: 200,
        json: { team: { id: ctx.team.id, slug: ctx.team.slug }, role: { name: "Member" }, alreadyMember: false },
      });
      expect(Object.keys(joined.json).sort()).toEqual(["alreadyMember", "role", "team"]);
      expect(await isMember(ctx, user.id)).toBe(true);
      expect(await join(key, { token: link.token })).toMatchObject({ status: 200, json: { alreadyMember: true } });
      expect(await usesOf(link.id)).toBe(1);
      const audit = await db.auditEvent.findMany({ where: { teamId: ctx.team.id, action: "member.joined" } });
      expect(audit).toHaveLength(1);
    });

    it("answers each refusal with its problem, and lets nobody in", async () => {
      const ctx = await createTeamWithMembers(db);
      const problemType = (slug: string) => `https://teamgate.dev/problems/${slug}`;
      const expectRefused = async (key: string, userId: string, token: string, status: number, slug: string) => {
        const answer = await join(key, { token });
        expect({ status: answer.status, type: answer.type, problem: answer.json.type }).toEqual({
          status,
          type: "application/problem+json",
          problem: problemType(slug),
        });
        expect(await isMember(ctx, userId)).toBe(false);
        return answer.json.detail as string;
      };
      const { user, key } = await joiner();

      expect(await expectRefused(key, user.id, `tgl_${"x".repeat(43)}`, 404, "not-found")).toMatch(/not valid/);

      const revoked = await linkOf(ctx);
      await db.inviteLink.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
      expect(await expectRefused(key, user.id, revoked.token, 410, "gone")).toMatch(/revoked/);

      const expired = await linkOf(ctx);
      await db.inviteLink.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
      expect(await expectRefused(key, user.id, expired.token, 410, "gone")).toMatch(/expired/);

      const usedUp = await linkOf(ctx, { maxUses: 1 });
      expect((await join((await joiner()).key, { token: usedUp.token })).status).toBe(200);
      expect(await expectRefused(key, user.id, usedUp.token, 410, "gone")).toMatch(/used as many times/);
      expect(await usesOf(usedUp.id)).toBe(1);

      const domainOnly = await linkOf(ctx, { allowedDomain: "elsewhere.test" });
      expect(await expectRefused(key, user.id, domainOnly.token, 403, "forbidden")).toMatch(/another domain/);
      expect(await usesOf(domainOnly.id)).toBe(0);

      const open = await linkOf(ctx);
      const unverified = await joiner({ verified: false });
      expect(await expectRefused(unverified.key, unverified.user.id, open.token, 403, "forbidden")).toMatch(
        /Confirm your email/,
      );

      const readOnly = await keyFor(user, ["invitations:read"]);
      expect(await expectRefused(readOnly, user.id, open.token, 403, "forbidden")).toMatch(/invitations:write/);

      // The joiner's hourly quota is the transaction's last statement: refused, the use is given back.
      await consumeRateLimit(db, { key: `invite-link-join:${user.id}`, limit: 20, windowSeconds: 3600, cost: 20 });
      expect(await expectRefused(key, user.id, open.token, 429, "rate-limited")).toMatch(/Too many joins/);
      expect(await usesOf(open.id)).toBe(0);

      // The creator was demoted since: the link can no longer grant Member.
      const demoted = await linkOf(ctx);
      await db.membership.update({
        where: { teamId_userId: { teamId: ctx.team.id, userId: ctx.admin.id } },
        data: { roleId: ctx.roles.member.id },
      });
      const other = await joiner();
      expect(await expectRefused(other.key, other.user.id, demoted.token, 403, "forbidden")).toMatch(
        /can no longer grant/,
      );
      expect(await usesOf(demoted.id)).toBe(0);
    });

    it("answers 422 when the team has no free seats", async () => {
      const ctx = await createTeamWithMembers(db, { seatLimit: 3 });
      const link = await linkOf(ctx);
      const { user, key } = await joiner();
      const answer = await join(key, { token: link.token });
      expect(answer).toMatchObject({ status: 422, json: { type: "https://teamgate.dev/problems/limit-reached" } });
      expect(await isMember(ctx, user.id)).toBe(false);
      expect(await usesOf(link.id)).toBe(0);
    });

    it("one account's parallel joins make one membership and spend one use", async () => {
      const ctx = await createTeamWithMembers(db);
      const link = await linkOf(ctx);
      const { user, key } = await joiner();
      const answers = await Promise.all(Array.from({ length: 8 }, () => join(key, { token: link.token })));
      expect(answers.filter((a) => a.status === 200 && a.json.alreadyMember === false)).toHaveLength(1);
      for (const answer of answers.filter((a) => a.status !== 200)) expect(answer.status).toBe(409);
      expect(await isMember(ctx, user.id)).toBe(true);
      expect(await usesOf(link.id)).toBe(1);
    });

    it("answers 400, 415 or 413 for a bad body, never 500, and never echoes the token", async () => {
      const { key } = await joiner();
      for (const body of [
        {},
        { token: "" },
        { token: 5 },
        { token: null },
        { token: "x".repeat(201) },
        { token: "tgl_\u0000" },
        { token: "tgl_x", team: "acme" },
        ["tgl_x"],
        "tgl_x",
      ]) {
        const answer = await join(key, body);
        expect({ body, status: answer.status, type: answer.type }).toEqual({
          body,
          status: 400,
          type: "application/problem+json",
        });
      }
      const raw = (body: string, contentType = "application/json") =>
        (joinRoute.POST as unknown as Handler)(
          new Request("http://localhost/api/v1/invite-links/join", {
            method: "POST",
            headers: { authorization: `Bearer ${key}`, "content-type": contentType },
            body,
          }),
          { params: Promise.resolve({} as never) },
        );
      expect((await raw("{ not json")).status).toBe(400);
      expect((await raw("")).status).toBe(400);
      expect((await raw(JSON.stringify({ token: "tgl_x" }), "text/plain")).status).toBe(415);
      expect((await raw(JSON.stringify({ token: "x".repeat(300_000) }))).status).toBe(413);
      const unknown = await join(key, { token: "tgl_secret-looking-token" });
      expect(unknown.status).toBe(404);
      expect(unknown.text).not.toContain("secret-looking");
    });
  });
});
