import { Webhook } from "svix";
import { afterEach, describe, expect, it } from "vitest";
import { acceptInvitationByToken } from "@/lib/invitations/accept-invitation-by-token";
import { declineInvitationByToken } from "@/lib/invitations/decline-invitation-by-token";
import { getInvitationLink } from "@/lib/invitations/get-invitation-link";
import { inviteMembers } from "@/lib/invitations/invite-members";
import { queueExpiredInvitationEvents } from "@/lib/invitations/queue-expired-invitation-events";
import { withdrawInvitation } from "@/lib/invitations/withdraw-invitation";
import { removeMember } from "@/lib/members/manage-member";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { deliverQueuedWebhooks } from "@/lib/webhooks/deliver-queued-webhooks";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";
import { replayWebhookDelivery } from "@/lib/webhooks/replay-webhook-delivery";
import { revealWebhookSecret } from "@/lib/webhooks/reveal-webhook-secret";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";
import { sendWebhook } from "@/lib/webhooks/send-webhook";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/webhook-events";
import { WEBHOOK_MAX_ATTEMPTS } from "@/lib/webhooks/webhook-retry-schedule";
import { takeWebhooksQueued } from "@/lib/webhooks/webhook-wake-hint";
import { asActor, createTeamWithMembers, createUser } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";
import { startWebhookReceiver } from "../helpers/webhook-receiver";

const { db, engine } = getTestDatabase();
type Ctx = Awaited<ReturnType<typeof createTeamWithMembers>>;

const receivers: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
  // Each test drives only its own deliveries.
  await db.webhookDelivery.updateMany({ where: { status: "PENDING" }, data: { status: "FAILED" } });
});

async function receiver(statuses?: number[], options?: { delayMs?: number }) {
  const started = await startWebhookReceiver(statuses, options);
  receivers.push(started);
  return started;
}

async function addEndpoint(ctx: Ctx, url: string, events: readonly string[] = WEBHOOK_EVENT_TYPES) {
  const created = await createWebhookEndpoint(asActor(ctx.admin), ctx.ref, { url, events });
  if (!created.ok) throw new Error(created.error);
  return created;
}

async function inviteOne(ctx: Ctx, email: string) {
  const result = await inviteMembers(asActor(ctx.admin), ctx.ref, { emails: email, roleId: ctx.roles.member.id });
  if (!result.ok) throw new Error(result.error);
  const id = result.results[0]!.invitationId!;
  const link = await getInvitationLink(asActor(ctx.admin), ctx.ref, id);
  if (!link.ok) throw new Error(link.error);
  return { id, token: link.url.split("/invite/")[1]! };
}

const eventsOf = (endpointId: string) =>
  db.webhookDelivery
    .findMany({ where: { endpointId }, orderBy: [{ createdAt: "asc" }, { eventType: "asc" }] })
    .then((rows) => rows.map((row) => ({ type: row.eventType, data: (row.payload as { data: unknown }).data })));

/** Every queued retry due now, as if its backoff had passed. */
// A second back: the column keeps milliseconds, and now() rounded up could still lie ahead of the next claim's clock.
const advanceRetries = () =>
  db.$executeRaw`UPDATE "WebhookDelivery" SET "nextAttemptAt" = now() - interval '1 second' WHERE "status" = 'PENDING'`;

describe(`outgoing webhooks (${engine})`, () => {
  it("signs each delivery in the Standard Webhooks format, which Svix's Webhook verifies, without tokens in the body", async () => {
    const ctx = await createTeamWithMembers(db);
    const hook = await receiver();
    const { endpoint, secret } = await addEndpoint(ctx, hook.url, ["invitation.created"]);
    expect(secret).toMatch(/^whsec_/);
    const { id, token } = await inviteOne(ctx, "signed@example.com");

    expect(await deliverQueuedWebhooks()).toMatchObject({ succeeded: 1, failed: 0 });
    const [request] = hook.received;
    const headers = {
      "webhook-id": String(request!.headers["webhook-id"]),
      "webhook-timestamp": String(request!.headers["webhook-timestamp"]),
      "webhook-signature": String(request!.headers["webhook-signature"]),
    };
    expect(new Webhook(secret).verify(request!.body, headers)).toMatchObject({
      type: "invitation.created",
      data: { teamId: ctx.team.id, invitation: { id, email: "signed@example.com", roleId: ctx.roles.member.id } },
    });
    expect(request!.body).not.toContain(token);
    expect(request!.body).not.toContain("/invite/");
    // A tampered body or another endpoint's secret does not verify.
    expect(() => new Webhook(secret).verify(request!.body.replace("signed", "forged"), headers)).toThrow();
    const other = await addEndpoint(ctx, hook.url, ["member.removed"]);
    expect(() => new Webhook(other.secret).verify(request!.body, headers)).toThrow();
    // The secret can be revealed again, and the reveal is on the record.
    expect(await revealWebhookSecret(asActor(ctx.admin), ctx.ref, endpoint.id)).toEqual({ ok: true, secret });
    expect(await db.auditEvent.count({ where: { action: "webhook.secret_revealed", targetId: endpoint.id } })).toBe(1);
  });

  it("a receiver that fails three times then succeeds gets the event acknowledged exactly once, every attempt recorded", async () => {
    const ctx = await createTeamWithMembers(db);
    const hook = await receiver([500, 503, 502, 204]);
    const { endpoint } = await addEndpoint(ctx, hook.url, ["invitation.created"]);
    await inviteOne(ctx, "flaky@example.com");

    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(await deliverQueuedWebhooks()).toMatchObject({ succeeded: 0, failed: 1 });
      // The backoff holds the retry back until its time comes.
      expect(await deliverQueuedWebhooks()).toMatchObject({ claimed: 0 });
      const pending = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
      expect(pending).toMatchObject({ status: "PENDING", attempts: attempt });
      expect(pending.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
      await advanceRetries();
    }
    expect(await deliverQueuedWebhooks()).toMatchObject({ succeeded: 1, failed: 0 });
    await advanceRetries();
    expect(await deliverQueuedWebhooks()).toMatchObject({ claimed: 0 });

    expect(hook.received.map((request) => request.status)).toEqual([500, 503, 502, 204]);
    expect(hook.acknowledged()).toHaveLength(1);
    // Every attempt carried the same message id, so a receiver can deduplicate.
    expect(new Set(hook.received.map((request) => request.headers["webhook-id"])).size).toBe(1);
    const listed = await listWebhookDeliveries(asActor(ctx.admin), ctx.ref, endpoint.id, {});
    if (!listed.ok) throw new Error(listed.error);
    expect(listed.deliveries).toHaveLength(1);
    expect(listed.deliveries[0]).toMatchObject({
      status: "SUCCEEDED",
      attempts: 4,
      lastStatusCode: 204,
      lastError: null,
    });
    expect(
      listed.deliveries[0]!.attemptLog.map((attempt) => [attempt.number, attempt.statusCode, attempt.error]),
    ).toEqual([
      [1, 500, "HTTP 500"],
      [2, 503, "HTTP 503"],
      [3, 502, "HTTP 502"],
      [4, 204, null],
    ]);
    for (const attempt of listed.deliveries[0]!.attemptLog) expect(attempt.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("gives up after the last attempt, records unreachable endpoints, and a replay sends the same message again", async () => {
    const ctx = await createTeamWithMembers(db);
    const hook = await receiver([500]);
    const { endpoint } = await addEndpoint(ctx, hook.url, ["invitation.created"]);
    await inviteOne(ctx, "doomed@example.com");
    for (let attempt = 1; attempt <= WEBHOOK_MAX_ATTEMPTS; attempt += 1) {
      await deliverQueuedWebhooks();
      await advanceRetries();
    }
    const failed = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: WEBHOOK_MAX_ATTEMPTS });
    expect(await deliverQueuedWebhooks()).toMatchObject({ claimed: 0 });

    // The endpoint recovered: a replay delivers the same message id and body.
    const recovered = await receiver([200]);
    expect(await updateWebhookEndpoint(asActor(ctx.admin), ctx.ref, endpoint.id, { url: recovered.url })).toMatchObject(
      {
        ok: true,
      },
    );
    expect(await replayWebhookDelivery(asActor(ctx.member), ctx.ref, failed.id)).toMatchObject({ code: "FORBIDDEN" });
    expect(await replayWebhookDelivery(asActor(ctx.admin), ctx.ref, failed.id)).toEqual({ ok: true });
    expect(await deliverQueuedWebhooks()).toMatchObject({ succeeded: 1 });
    expect(recovered.received[0]!.headers["webhook-id"]).toBe(hook.received[0]!.headers["webhook-id"]);
    expect(recovered.received[0]!.body).toBe(hook.received[0]!.body);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      status: "SUCCEEDED",
      attempts: WEBHOOK_MAX_ATTEMPTS + 1,
    });

    // Nobody listening: the connection error is recorded as the attempt's error.
    await recovered.close();
    expect(await replayWebhookDelivery(asActor(ctx.admin), ctx.ref, failed.id)).toEqual({ ok: true });
    expect(await deliverQueuedWebhooks()).toMatchObject({ failed: 1 });
    const last = await db.webhookDeliveryAttempt.findFirstOrThrow({
      where: { deliveryId: failed.id },
      orderBy: { number: "desc" },
    });
    expect(last).toMatchObject({ statusCode: null, error: expect.stringContaining("ECONNREFUSED") });
  });

  it("the real operations emit their events: invite, accept (and member joined), decline, withdraw, expiry once, removal", async () => {
    const ctx = await createTeamWithMembers(db);
    const hook = await receiver();
    const { endpoint } = await addEndpoint(ctx, hook.url);
    const accepter = await createUser(db, { email: "joins@example.com" });
    const accepted = await inviteOne(ctx, accepter.email);
    const declined = await inviteOne(ctx, "says-no@example.com");
    const withdrawn = await inviteOne(ctx, "withdrawn@example.com");
    const expired = await inviteOne(ctx, "too-late@example.com");

    expect(await acceptInvitationByToken(asActor(accepter), accepted.token)).toMatchObject({ ok: true });
    expect(await declineInvitationByToken(null, declined.token, { reason: "busy" })).toMatchObject({ ok: true });
    expect(await withdrawInvitation(asActor(ctx.admin), ctx.ref, withdrawn.id)).toMatchObject({ ok: true });
    await db.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    await queueExpiredInvitationEvents();
    await queueExpiredInvitationEvents();
    const membership = await db.membership.findUniqueOrThrow({
      where: { teamId_userId: { teamId: ctx.team.id, userId: accepter.id } },
    });
    expect(await removeMember(asActor(ctx.admin), ctx.ref, membership.id)).toMatchObject({ ok: true });

    const events = await eventsOf(endpoint.id);
    const invitation = (id: string, email: string) => ({
      teamId: ctx.team.id,
      invitation: { id, email, roleId: ctx.roles.member.id },
    });
    const member = { id: membership.id, userId: accepter.id, roleId: ctx.roles.member.id, email: accepter.email };
    expect(events.filter((event) => event.type === "invitation.created")).toHaveLength(4);
    expect(events.filter((event) => event.type !== "invitation.created")).toEqual([
      { type: "invitation.accepted", data: invitation(accepted.id, accepter.email) },
      { type: "member.joined", data: { teamId: ctx.team.id, membership: member, invitationId: accepted.id } },
      { type: "invitation.declined", data: invitation(declined.id, "says-no@example.com") },
      { type: "invitation.withdrawn", data: invitation(withdrawn.id, "withdrawn@example.com") },
      { type: "invitation.expired", data: invitation(expired.id, "too-late@example.com") },
      { type: "member.removed", data: { teamId: ctx.team.id, membership: member } },
    ]);

    // All of them reach the endpoint.
    expect(await deliverQueuedWebhooks({ limit: 20 })).toMatchObject({ succeeded: 10 });
    expect(hook.received.map((request) => JSON.parse(request.body).type).sort()).toEqual(
      events.map((event) => event.type).sort(),
    );
  });

  it("queues only for enabled endpoints subscribed to the type, and only when the change commits", async () => {
    const ctx = await createTeamWithMembers(db);
    const hook = await receiver();
    const subscribed = await addEndpoint(ctx, hook.url, ["invitation.withdrawn"]);
    const disabled = await addEndpoint(ctx, hook.url, ["invitation.created"]);
    expect(
      await updateWebhookEndpoint(asActor(ctx.admin), ctx.ref, disabled.endpoint.id, { enabled: false }),
    ).toMatchObject({ ok: true, endpoint: { enabled: false } });
    const { id } = await inviteOne(ctx, "quiet@example.com");
    expect(await eventsOf(subscribed.endpoint.id)).toEqual([]);
    expect(await eventsOf(disabled.endpoint.id)).toEqual([]);
    // A refused withdrawal (already withdrawn) rolls back, and its event with it.
    expect(await withdrawInvitation(asActor(ctx.admin), ctx.ref, id)).toMatchObject({ ok: true });
    expect(await withdrawInvitation(asActor(ctx.admin), ctx.ref, id)).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((await eventsOf(subscribed.endpoint.id)).map((event) => event.type)).toEqual(["invitation.withdrawn"]);
    // Another team's events never reach this team's endpoints.
    const other = await createTeamWithMembers(db);
    await inviteOne(other, "elsewhere@example.com");
    expect(await db.webhookDelivery.count({ where: { teamId: ctx.team.id } })).toBe(1);
  });

  it("wakes the webhook lane only for commits that queued a delivery in this process", async () => {
    const quiet = await createTeamWithMembers(db);
    takeWebhooksQueued();
    await inviteOne(quiet, "no-hook@example.com");
    expect(takeWebhooksQueued()).toBe(false);

    const hooked = await createTeamWithMembers(db);
    const target = await receiver();
    await addEndpoint(hooked, target.url, ["invitation.created"]);
    await inviteOne(hooked, "hooked@example.com");
    expect(takeWebhooksQueued()).toBe(true);
    expect(takeWebhooksQueued()).toBe(false);
  });

  it("only holders of team.settings manage endpoints; other teams see nothing", async () => {
    const ctx = await createTeamWithMembers(db);
    const { endpoint } = await addEndpoint(ctx, "http://127.0.0.1:9/hooks");
    const stranger = await createTeamWithMembers(db);
    const member = asActor(ctx.member);
    const input = { url: "http://127.0.0.1:9/other", events: ["member.joined"] };

    expect(await createWebhookEndpoint(member, ctx.ref, input)).toMatchObject({ code: "FORBIDDEN" });
    expect(await listWebhookEndpoints(member, ctx.ref)).toMatchObject({ code: "FORBIDDEN" });
    expect(await revealWebhookSecret(member, ctx.ref, endpoint.id)).toMatchObject({ code: "FORBIDDEN" });
    expect(await rotateWebhookSecret(member, ctx.ref, endpoint.id)).toMatchObject({ code: "FORBIDDEN" });
    expect(await updateWebhookEndpoint(member, ctx.ref, endpoint.id, { enabled: false })).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await deleteWebhookEndpoint(member, ctx.ref, endpoint.id)).toMatchObject({ code: "FORBIDDEN" });
    expect(await createWebhookEndpoint(null, ctx.ref, input)).toMatchObject({ code: "UNAUTHENTICATED" });
    // Another team's admin: not found, through their own team or this one.
    expect(await listWebhookEndpoints(asActor(stranger.admin), ctx.ref)).toMatchObject({ code: "NOT_FOUND" });
    expect(await revealWebhookSecret(asActor(stranger.admin), stranger.ref, endpoint.id)).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await deleteWebhookEndpoint(asActor(stranger.admin), stranger.ref, endpoint.id)).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await listWebhookDeliveries(asActor(stranger.admin), stranger.ref, endpoint.id, {})).toMatchObject({
      code: "NOT_FOUND",
    });
    // The owner and the admin (both hold team.settings) may.
    const listed = await listWebhookEndpoints(asActor(ctx.owner), ctx.ref);
    expect(listed).toMatchObject({ ok: true, endpoints: [{ id: endpoint.id, enabled: true }] });
    expect(JSON.stringify(listed)).not.toContain("whsec_");
    expect(await deleteWebhookEndpoint(asActor(ctx.owner), ctx.ref, endpoint.id)).toEqual({ ok: true });
    expect(await db.auditEvent.findMany({ where: { targetId: endpoint.id }, select: { action: true } })).toEqual(
      expect.arrayContaining([{ action: "webhook.created" }, { action: "webhook.deleted" }]),
    );
  });

  it("refuses bad input with field errors, never a 500", async () => {
    const ctx = await createTeamWithMembers(db);
    const admin = asActor(ctx.admin);
    for (const input of [
      { url: "ftp://example.com", events: ["member.joined"] },
      { url: "http://example.com/hook", events: ["member.joined"] },
      { url: "https://user:pw@example.com/hook", events: ["member.joined"] },
      { url: "https://example.com/hook", events: [] },
      { url: "https://example.com/hook", events: ["invitation.exploded"] },
      { url: "https://example.com/hook", events: ["member.joined"], extra: 1 },
      "not an object",
    ]) {
      expect(await createWebhookEndpoint(admin, ctx.ref, input)).toMatchObject({ ok: false, code: "INVALID" });
    }
    expect(await updateWebhookEndpoint(admin, ctx.ref, "not-a-uuid", { enabled: false })).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await replayWebhookDelivery(admin, ctx.ref, crypto.randomUUID())).toMatchObject({ code: "NOT_FOUND" });
  });

  it("after a rotation both secrets sign for a while, so the receiver can switch without losing events", async () => {
    const ctx = await createTeamWithMembers(db);
    const hook = await receiver();
    const { endpoint, secret: older } = await addEndpoint(ctx, hook.url, ["invitation.created"]);
    const rotated = await rotateWebhookSecret(asActor(ctx.admin), ctx.ref, endpoint.id);
    if (!rotated.ok) throw new Error(rotated.error);
    expect(rotated.secret).not.toBe(older);
    await inviteOne(ctx, "rotation@example.com");
    await deliverQueuedWebhooks();
    const [request] = hook.received;
    const headers = Object.fromEntries(
      ["webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => [name, String(request!.headers[name])]),
    );
    expect(new Webhook(older).verify(request!.body, headers)).toBeTruthy();
    expect(new Webhook(rotated.secret).verify(request!.body, headers)).toBeTruthy();
    // Once the old secret's grace ends, only the new one signs.
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { previousSecretExpiresAt: new Date(0) } });
    await inviteOne(ctx, "rotation-2@example.com");
    await deliverQueuedWebhooks();
    const second = hook.received[1]!;
    const secondHeaders = Object.fromEntries(
      ["webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => [name, String(second.headers[name])]),
    );
    expect(() => new Webhook(older).verify(second.body, secondHeaders)).toThrow();
    expect(new Webhook(rotated.secret).verify(second.body, secondHeaders)).toBeTruthy();
  });

  it("racing expiry sweeps announce each expiry once; a revived invitation's next expiry is announced again", async () => {
    const ctx = await createTeamWithMembers(db);
    const { endpoint } = await addEndpoint(ctx, "http://127.0.0.1:9/hooks", ["invitation.expired"]);
    const invitations = await Promise.all(
      ["a", "b", "c"].map((name) => inviteOne(ctx, `expiring-${name}@example.com`)),
    );
    const ids = invitations.map((invitation) => invitation.id);
    await db.invitation.updateMany({ where: { id: { in: ids } }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    await Promise.all([queueExpiredInvitationEvents(), queueExpiredInvitationEvents(), queueExpiredInvitationEvents()]);
    const announced = await eventsOf(endpoint.id);
    expect(announced.map((event) => (event.data as { invitation: { id: string } }).invitation.id).sort()).toEqual(
      [...ids].sort(),
    );
    // As if that expiry was announced an hour ago and a resend then gave the first one a new
    // lifetime: while it runs nothing is announced; once it ends too, it is announced once more.
    await db.$executeRaw`UPDATE "Invitation" SET "expiredEventAt" = now() - interval '1 hour' WHERE "id" = ${ids[0]}::uuid`;
    await db.invitation.update({ where: { id: ids[0] }, data: { expiresAt: new Date(Date.now() + 60_000) } });
    await queueExpiredInvitationEvents();
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(3);
    await db.$executeRaw`UPDATE "Invitation" SET "expiresAt" = now() - interval '1 minute' WHERE "id" = ${ids[0]}::uuid`;
    await Promise.all([queueExpiredInvitationEvents(), queueExpiredInvitationEvents()]);
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(4);
  });

  it("two senders racing over the same queue deliver each event once", async () => {
    const ctx = await createTeamWithMembers(db);
    const hook = await receiver([200], { delayMs: 50 });
    await addEndpoint(ctx, hook.url, ["invitation.created"]);
    const result = await inviteMembers(asActor(ctx.admin), ctx.ref, {
      emails: Array.from({ length: 12 }, (_, index) => `race-${index}@example.com`).join("\n"),
      roleId: ctx.roles.member.id,
    });
    expect(result).toMatchObject({ ok: true, counts: { invited: 12 } });
    const runs = await Promise.all([
      deliverQueuedWebhooks({ limit: 5 }),
      deliverQueuedWebhooks({ limit: 5 }),
      deliverQueuedWebhooks({ limit: 5 }),
    ]);
    const rest = await deliverQueuedWebhooks({ limit: 20 });
    expect(runs.reduce((sum, run) => sum + run.succeeded, rest.succeeded)).toBe(12);
    expect(hook.received).toHaveLength(12);
    expect(new Set(hook.received.map((request) => request.headers["webhook-id"])).size).toBe(12);
  });
});

describe("sending in production mode (no private network)", () => {
  it("refuses to connect to an internal address, whether named or written out, and follows no redirect", async () => {
    const hook = await startWebhookReceiver([302]);
    try {
      const port = new URL(hook.url).port;
      const send = (url: string, allowPrivateNetwork: boolean) =>
        sendWebhook({ url, headers: {}, body: "{}", allowPrivateNetwork });
      // A name that resolves to loopback (as a rebinding DNS answer would) is refused when connecting.
      expect(await send(`http://localhost:${port}/hooks`, false)).toMatchObject({
        statusCode: null,
        error: "The endpoint resolves to an internal address",
      });
      expect(await send(`http://127.0.0.1:${port}/hooks`, false)).toMatchObject({
        error: "The endpoint resolves to an internal address",
      });
      expect(hook.received).toHaveLength(0);
      // Allowed (development), a redirect is an answer like any non-2xx: a failure, not followed.
      expect(await send(hook.url, true)).toMatchObject({ statusCode: 302, error: "HTTP 302" });
      expect(hook.received).toHaveLength(1);
    } finally {
      await hook.close();
    }
  });
});
