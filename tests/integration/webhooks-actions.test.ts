import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { asActor, createTeamWithMembers } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

// Server actions are reachable by a direct POST: each one's data-layer call authorizes on its own.

const session = vi.hoisted(() => ({ actor: null as { kind: "user"; userId: string } | null }));
vi.mock("@/lib/actions/session-actor", () => ({ getSessionActor: async () => session.actor }));

const { createWebhookEndpointAction } = await import("@/actions/webhooks/create-webhook-endpoint-action");
const { updateWebhookEndpointAction } = await import("@/actions/webhooks/update-webhook-endpoint-action");
const { deleteWebhookEndpointAction } = await import("@/actions/webhooks/delete-webhook-endpoint-action");
const { revealWebhookSecretAction } = await import("@/actions/webhooks/reveal-webhook-secret-action");
const { rotateWebhookSecretAction } = await import("@/actions/webhooks/rotate-webhook-secret-action");
const { replayWebhookDeliveryAction } = await import("@/actions/webhooks/replay-webhook-delivery-action");
const { createWebhookEndpoint } = await import("@/lib/webhooks/create-webhook-endpoint");

const { db } = getTestDatabase();

describe("webhook server actions called directly", () => {
  it("signed out: 401; a member: 403; another team's admin: 404; nothing changes", async () => {
    const ctx = await createTeamWithMembers(db);
    const other = await createTeamWithMembers(db);
    const created = await createWebhookEndpoint(asActor(ctx.admin), ctx.ref, {
      url: "http://127.0.0.1:9/hook",
      events: ["member.joined"],
    });
    if (!created.ok) throw new Error(created.error);
    const target = { teamSlug: ctx.team.slug, endpointId: created.endpoint.id };
    const calls = [
      () =>
        createWebhookEndpointAction({
          teamSlug: ctx.team.slug,
          endpoint: { url: "http://127.0.0.1:9/x", events: ["member.joined"] },
        }),
      () => updateWebhookEndpointAction({ ...target, change: { enabled: false } }),
      () => deleteWebhookEndpointAction(target),
      () => revealWebhookSecretAction(target),
      () => rotateWebhookSecretAction(target),
      () => replayWebhookDeliveryAction({ ...target, deliveryId: randomUUID() }),
    ];
    for (const [actor, code] of [
      [null, "UNAUTHENTICATED"],
      [asActor(ctx.member), "FORBIDDEN"],
      [asActor(other.admin), "NOT_FOUND"],
    ] as const) {
      session.actor = actor as typeof session.actor;
      for (const call of calls) expect(await call()).toMatchObject({ ok: false, code });
    }
    expect(await db.webhookEndpoint.findMany({ where: { teamId: ctx.team.id } })).toMatchObject([
      { id: created.endpoint.id, enabled: true, secretSealed: expect.any(String) },
    ]);

    session.actor = asActor(ctx.admin) as typeof session.actor;
    expect(await revealWebhookSecretAction(target)).toEqual({ ok: true, secret: created.secret });
  });

  it("input PostgreSQL would refuse, or the wrong shape, is a field error", async () => {
    const ctx = await createTeamWithMembers(db);
    session.actor = asActor(ctx.admin) as typeof session.actor;
    expect(
      await createWebhookEndpointAction({
        teamSlug: ctx.team.slug,
        endpoint: { url: "http://127.0.0.1:9/hook", events: ["member.joined"], description: "a\u0000" },
      }),
    ).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { "endpoint.description": [expect.stringContaining("NUL")] },
    });
    expect(await revealWebhookSecretAction({ teamSlug: ctx.team.slug, endpointId: "x", extra: 1 })).toMatchObject({
      ok: false,
      code: "INVALID",
    });
    expect(await revealWebhookSecretAction({ teamSlug: ctx.team.slug, endpointId: "x" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });
});
