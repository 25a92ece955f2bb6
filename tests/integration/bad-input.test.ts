import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { asActor, createTeamWithMembers } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

// Input a client can send must come back as a clear 4xx, never reach PostgreSQL as something it
// refuses (a NUL in text, a year past 9999) and never be logged as a server error.

const session = vi.hoisted(() => ({ actor: null as { kind: "user"; userId: string } | null }));
vi.mock("@/lib/actions/session-actor", () => ({ getSessionActor: async () => session.actor }));

const teamInvitations = await import("@/app/api/v1/teams/[team]/invitations/route");
const teamInvitation = await import("@/app/api/v1/teams/[team]/invitations/[id]/route");
const sentRoute = await import("@/app/api/v1/invitations/sent/route");
const { withdrawInvitationAction } = await import("@/actions/invitations/withdraw-invitation-action");
const { previewInvitationsAction } = await import("@/actions/invitations/preview-invitations-action");
const { createApiKey } = await import("@/lib/api-keys/create-api-key");
const { listTeamMembers } = await import("@/lib/members/list-team-members");
const { listTeamInvitationsByOffset } = await import("@/lib/invitations/list-team-invitations-by-offset");
const { invitationListQuerySchema } = await import("@/lib/invitations/schemas");
const { cleanTableQuery } = await import("@/components/data-table/clean-table-query");

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
  }: { key: string; method?: string; path?: string; body?: unknown; params?: Record<string, string> },
) {
  const init: RequestInit = {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
  };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await (handler as Handler)(new Request(`http://localhost/api/v1${path}`, init), {
    params: Promise.resolve(params as never),
  });
  const text = await response.text();
  return {
    status: response.status,
    json: text ? (JSON.parse(text) as { type?: string; detail?: string; errors?: Record<string, string[]> }) : null,
  };
}

async function adminWithKey() {
  const ctx = await createTeamWithMembers(db);
  const created = await createApiKey(asActor(ctx.admin), {
    name: "test",
    scopes: ["invitations:read", "invitations:write"],
  });
  if (!created.ok) throw new Error(created.error);
  return { ctx, key: created.key };
}

const cursorOf = (value: string, id = randomUUID()) => Buffer.from(JSON.stringify([value, id])).toString("base64url");

let errors: MockInstance;
beforeEach(() => {
  errors = vi.spyOn(console, "error");
});
afterEach(() => {
  const calls = errors.mock.calls;
  errors.mockRestore();
  session.actor = null;
  expect(calls).toEqual([]);
});

describe("the API answers 400 to what PostgreSQL would refuse", () => {
  it.each([
    ["a NUL in the search", "/?q=%00"],
    ["a NUL inside the search", "/?q=ab%00cd"],
    ["a NUL in a role filter", "/?role=member%00"],
    ["a date cursor past year 9999", `/?cursor=${cursorOf("+275760-09-13T00:00:00.000Z")}`],
    ["a date cursor before year 1", `/?cursor=${cursorOf("-000001-01-01T00:00:00.000Z")}`],
    ["a NUL in an email-sort cursor", `/?sort=email&cursor=${cursorOf("a\u0000@example.com")}`],
    ["a NUL in a descending email-sort cursor", `/?sort=-email&cursor=${cursorOf("\u0000")}`],
  ])("on the team's list: %s", async (_label, path) => {
    const { ctx, key } = await adminWithKey();
    const response = await call(teamInvitations.GET, { key, path, params: { team: ctx.team.slug } });
    expect(response.status).toBe(400);
    expect(response.json!.type).toBe("https://teamgate.dev/problems/invalid-request");
  });

  it("on the caller's own list: a date cursor out of range", async () => {
    const { key } = await adminWithKey();
    expect(
      (await call(sentRoute.GET, { key, path: `/?cursor=${cursorOf("+275760-09-13T00:00:00.000Z")}` })).status,
    ).toBe(400);
  });

  it.each([
    ["a team segment that is a NUL", { team: "\u0000" }],
    ["a team segment with a NUL", { team: "acme\u0000" }],
  ])("in the path: %s", async (_label, params) => {
    const { key } = await adminWithKey();
    const list = await call(teamInvitations.GET, { key, params });
    expect(list.status).toBe(400);
    expect(list.json!.errors).toHaveProperty("team");
    expect((await call(teamInvitation.GET, { key, params: { ...params, id: randomUUID() } })).status).toBe(400);
  });

  it.each([
    ["a NUL in a group name", { emails: ["nul-group@example.com"], role: "member", groups: ["eng\u0000"] }, "groups.0"],
    ["a NUL in the role", { emails: ["nul-role@example.com"], role: "member\u0000" }, "role"],
    ["a NUL in an address", { emails: ["nul\u0000@example.com"], role: "member" }, "emails.0"],
  ])("in the body: %s, and nothing is created", async (_label, body, field) => {
    const { ctx, key } = await adminWithKey();
    const response = await call(teamInvitations.POST, { key, method: "POST", params: { team: ctx.team.slug }, body });
    expect(response.status).toBe(400);
    expect(response.json!.errors).toHaveProperty([field]);
    expect(await db.invitation.count({ where: { teamId: ctx.team.id } })).toBe(0);
  });
});

describe("in the API one array element is one address", () => {
  it("answers 400 naming the element that holds several, and invites nobody", async () => {
    const { ctx, key } = await adminWithKey();
    const response = await call(teamInvitations.POST, {
      key,
      method: "POST",
      params: { team: ctx.team.slug },
      body: { emails: ["solo@x.com", "a@x.com b@x.com,c@x.com;d@x.com"], role: "member" },
    });
    expect(response.status).toBe(400);
    expect(response.json!.errors).toEqual({ "emails.1": [expect.stringContaining("one email address, not 4")] });
    expect(response.json!.detail).toContain("emails.1");
    expect(await db.invitation.count({ where: { teamId: ctx.team.id } })).toBe(0);
  });

  it("still accepts one address per element, surrounding spaces and all", async () => {
    const { ctx, key } = await adminWithKey();
    const response = await call(teamInvitations.POST, {
      key,
      method: "POST",
      params: { team: ctx.team.slug },
      body: { emails: [" one@x.com ", "two@x.com"], role: "member" },
    });
    expect(response.status).toBe(201);
    expect(await db.invitation.count({ where: { teamId: ctx.team.id } })).toBe(2);
  });
});

describe("server actions and pages refuse a NUL as a field error", () => {
  it("a NUL in a server action's slug is INVALID, for anyone", async () => {
    const { ctx } = await adminWithKey();
    for (const actor of [null, asActor(ctx.admin)] as const) {
      session.actor = actor as typeof session.actor;
      const result = await withdrawInvitationAction({ teamSlug: "acme\u0000", invitationId: randomUUID() });
      expect(result).toMatchObject({
        ok: false,
        code: "INVALID",
        fieldErrors: { teamSlug: [expect.stringContaining("NUL")] },
      });
    }
    session.actor = asActor(ctx.admin) as typeof session.actor;
    expect(await previewInvitationsAction({ teamSlug: ctx.team.slug, text: "a@x.com\u0000" })).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { text: expect.any(Array) },
    });
  });

  it("the members page's search with a NUL is INVALID", async () => {
    const { ctx } = await adminWithKey();
    const result = await listTeamMembers(asActor(ctx.admin), ctx.ref, { q: "\u0000" });
    expect(result).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { q: expect.any(Array) } });
  });

  it.each([
    ["a NUL", "\u0000"],
    ["a NUL inside", "ab\u0000cd"],
    ["a control character", "ab\u0001cd"],
    ["an escape", "\u001b[2J"],
    ["DEL", "a\u007f"],
  ])(
    "the invitations page's search with %s is dropped from its URL, and INVALID in the data layer",
    async (_name, q) => {
      const { ctx } = await adminWithKey();
      // The page redirects to its cleaned address: the search is ignored, the status filter kept.
      const cleaned = cleanTableQuery(invitationListQuerySchema.shape, { q, status: "PENDING" });
      expect({ changed: cleaned.changed, query: cleaned.params.toString() }).toEqual({
        changed: true,
        query: "status=PENDING",
      });
      const result = await listTeamInvitationsByOffset(asActor(ctx.admin), ctx.ref, { q });
      expect(result).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { q: expect.any(Array) } });
    },
  );

  it("the invitations page's search still finds ordinary text", async () => {
    const { ctx } = await adminWithKey();
    const result = await listTeamInvitationsByOffset(asActor(ctx.admin), ctx.ref, { q: "  nobody-here  " });
    expect(result).toMatchObject({ ok: true, total: 0, query: { q: "nobody-here" } });
  });
});

describe("names shown to others", () => {
  it("the members list drops bidi controls from names", async () => {
    const { ctx } = await adminWithKey();
    await db.user.update({ where: { id: ctx.member.id }, data: { name: "Eve\u202Egnp.exe\u2066 \u200FMallory" } });
    const result = await listTeamMembers(asActor(ctx.admin), ctx.ref, {});
    if (!result.ok) throw new Error(result.error);
    expect(result.members.find((m) => m.userId === ctx.member.id)?.name).toBe("Evegnp.exe Mallory");
  });
});
