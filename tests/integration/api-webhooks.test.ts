import { Webhook } from "svix";
import { describe, expect, it } from "vitest";
import { asActor, createTeamWithMembers } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";
import { startWebhookReceiver } from "../helpers/webhook-receiver";

const webhooksRoute = await import("@/app/api/v1/teams/[team]/webhooks/route");
const webhookRoute = await import("@/app/api/v1/teams/[team]/webhooks/[id]/route");
const rotateRoute = await import("@/app/api/v1/teams/[team]/webhooks/[id]/rotate-secret/route");
const deliveriesRoute = await import("@/app/api/v1/teams/[team]/webhooks/[id]/deliveries/route");
const replayRoute = await import("@/app/api/v1/teams/[team]/webhook-deliveries/[id]/replay/route");
const { createApiKey } = await import("@/lib/api-keys/create-api-key");
const { inviteMembers } = await import("@/lib/invitations/invite-members");
const { deliverQueuedWebhooks } = await import("@/lib/webhooks/deliver-queued-webhooks");

const { db } = getTestDatabase();

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;
type Scope = "invitations:read" | "invitations:write" | "webhooks:read" | "webhooks:write";

async function call(
  handler: unknown,
  {
    key,
    method = "GET",
    body,
    params = {},
    query = "",
  }: { key: string; method?: string; body?: unknown; params?: Record<string, string>; query?: string },
) {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${key}` } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] = "application/json";
  }
  const response = await (handler as Handler)(new Request(`http://localhost/api/v1/x${query}`, init), {
    params: Promise.resolve(params as never),
  });
  const text = await response.text();
  return { status: response.status, text, json: text ? JSON.parse(text) : null };
}

async function keyFor(user: { id: string }, scopes: Scope[] = ["webhooks:read", "webhooks:write"]) {
  const created = await createApiKey(asActor(user), { name: "webhooks", scopes });
  if (!created.ok) throw new Error(created.error);
  return created.key;
}

describe("webhooks API", () => {
  it("create, list, get, patch, rotate, list deliveries, replay, delete; secrets only where asked for", async () => {
    const ctx = await createTeamWithMembers(db);
    const hook = await startWebhookReceiver();
    try {
      const key = await keyFor(ctx.admin);
      const team = ctx.team.slug;
      const created = await call(webhooksRoute.POST, {
        key,
        method: "POST",
        params: { team },
        body: { url: hook.url, events: ["invitation.created"], description: "CRM" },
      });
      expect(created.status).toBe(201);
      const { endpoint, secret } = created.json;
      expect(endpoint).toMatchObject({
        url: hook.url,
        events: ["invitation.created"],
        enabled: true,
        description: "CRM",
      });
      expect(secret).toMatch(/^whsec_/);

      const listed = await call(webhooksRoute.GET, { key, params: { team } });
      expect(listed.json).toEqual({ data: [endpoint] });
      expect(listed.text).not.toContain("whsec_");
      expect((await call(webhookRoute.GET, { key, params: { team, id: endpoint.id } })).json).toEqual(endpoint);

      const patched = await call(webhookRoute.PATCH, {
        key,
        method: "PATCH",
        params: { team, id: endpoint.id },
        body: { events: ["invitation.created", "member.removed"] },
      });
      expect(patched).toMatchObject({ status: 200, json: { events: ["invitation.created", "member.removed"] } });

      const rotated = await call(rotateRoute.POST, { key, method: "POST", params: { team, id: endpoint.id } });
      expect(rotated.status).toBe(200);
      expect(rotated.json.secret).not.toBe(secret);

      await inviteMembers(asActor(ctx.admin), ctx.ref, { emails: "api-hook@example.com", roleId: ctx.roles.member.id });
      await deliverQueuedWebhooks();
      const request = hook.received[0]!;
      const headers = Object.fromEntries(
        ["webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => [name, String(request.headers[name])]),
      );
      expect(new Webhook(rotated.json.secret).verify(request.body, headers)).toMatchObject({
        type: "invitation.created",
      });

      const deliveries = await call(deliveriesRoute.GET, { key, params: { team, id: endpoint.id }, query: "?limit=5" });
      expect(deliveries.status).toBe(200);
      expect(deliveries.json).toMatchObject({
        next: null,
        data: [
          {
            eventType: "invitation.created",
            status: "SUCCEEDED",
            attempts: 1,
            attemptLog: [{ number: 1, statusCode: 204 }],
          },
        ],
      });
      const deliveryId = deliveries.json.data[0].id;
      expect(headers["webhook-id"]).toBe(deliveryId);

      const replayed = await call(replayRoute.POST, { key, method: "POST", params: { team, id: deliveryId } });
      expect(replayed.status).toBe(202);
      await deliverQueuedWebhooks();
      expect(hook.received).toHaveLength(2);
      expect(hook.received[1]!.headers["webhook-id"]).toBe(deliveryId);

      expect(
        (await call(webhookRoute.DELETE, { key, method: "DELETE", params: { team, id: endpoint.id } })).status,
      ).toBe(204);
      expect((await call(webhookRoute.GET, { key, params: { team, id: endpoint.id } })).status).toBe(404);
      expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
    } finally {
      await hook.close();
    }
  });

  it("scopes, permissions and teams: 403 without the scope or team.settings, 404 across teams", async () => {
    const ctx = await createTeamWithMembers(db);
    const other = await createTeamWithMembers(db);
    const team = ctx.team.slug;
    const body = { url: "http://127.0.0.1:9/hook", events: ["member.joined"] };
    const readOnly = await keyFor(ctx.admin, ["webhooks:read"]);
    const invitationsOnly = await keyFor(ctx.admin, ["invitations:read", "invitations:write"]);
    const member = await keyFor(ctx.member);
    const stranger = await keyFor(other.admin);

    expect((await call(webhooksRoute.POST, { key: readOnly, method: "POST", params: { team }, body })).status).toBe(
      403,
    );
    expect((await call(webhooksRoute.GET, { key: invitationsOnly, params: { team } })).status).toBe(403);
    expect((await call(webhooksRoute.GET, { key: member, params: { team } })).status).toBe(403);
    expect((await call(webhooksRoute.POST, { key: member, method: "POST", params: { team }, body })).status).toBe(403);
    expect((await call(webhooksRoute.GET, { key: stranger, params: { team } })).status).toBe(404);

    const created = await call(webhooksRoute.POST, {
      key: await keyFor(ctx.owner),
      method: "POST",
      params: { team },
      body,
    });
    expect(created.status).toBe(201);
    const id = created.json.endpoint.id;
    // Another team's admin, through their own team: not found, and nothing changes.
    const theirs = { team: other.team.slug, id };
    expect((await call(webhookRoute.GET, { key: stranger, params: theirs })).status).toBe(404);
    expect(
      (await call(webhookRoute.PATCH, { key: stranger, method: "PATCH", params: theirs, body: { enabled: false } }))
        .status,
    ).toBe(404);
    expect((await call(rotateRoute.POST, { key: stranger, method: "POST", params: theirs })).status).toBe(404);
    expect((await call(deliveriesRoute.GET, { key: stranger, params: theirs })).status).toBe(404);
    expect((await call(webhookRoute.DELETE, { key: stranger, method: "DELETE", params: theirs })).status).toBe(404);
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id } })).toMatchObject({ enabled: true });
  });

  it("bad input answers 400 problems, never 500", async () => {
    const ctx = await createTeamWithMembers(db);
    const key = await keyFor(ctx.admin);
    const team = ctx.team.slug;
    for (const body of [
      { url: "https://example.com/\u0000", events: ["member.joined"] },
      { url: "https://example.com/hook", events: ["member.joined"], description: "a\u0000b" },
      { url: "not a url", events: ["member.joined"] },
      { url: "https://example.com/hook", events: "member.joined" },
      "[1,",
    ]) {
      const answer = await call(webhooksRoute.POST, { key, method: "POST", params: { team }, body });
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
    }
    const created = await call(webhooksRoute.POST, {
      key,
      method: "POST",
      params: { team },
      body: { url: "http://127.0.0.1:9/hook", events: ["member.joined"] },
    });
    const id = created.json.endpoint.id;
    expect((await call(webhookRoute.PATCH, { key, method: "PATCH", params: { team, id }, body: {} })).status).toBe(400);
    expect((await call(deliveriesRoute.GET, { key, params: { team, id }, query: "?limit=0" })).status).toBe(400);
    expect((await call(deliveriesRoute.GET, { key, params: { team, id }, query: "?cursor=abc" })).status).toBe(400);
    expect((await call(deliveriesRoute.GET, { key, params: { team, id }, query: "?sort=x" })).status).toBe(400);
    const farFuture = Buffer.from(JSON.stringify(["+275760-09-13T00:00:00.000Z", id])).toString("base64url");
    expect((await call(deliveriesRoute.GET, { key, params: { team, id }, query: `?cursor=${farFuture}` })).status).toBe(
      400,
    );
    expect((await call(webhookRoute.GET, { key, params: { team, id: "nope" } })).status).toBe(404);
    expect((await call(replayRoute.POST, { key, method: "POST", params: { team, id: "nope" } })).status).toBe(404);
  });
});
