import { randomUUID } from "node:crypto";
import { Webhook } from "svix";
import { describe, expect, it, vi } from "vitest";
import { asActor, createTeamWithMembers } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

const SECRET = vi.hoisted(() => {
  const secret = `whsec_${Buffer.from("teamgate-webhook-test-secret-32b").toString("base64")}`;
  process.env.RESEND_WEBHOOK_SECRET = secret;
  process.env.RESEND_API_KEY = "";
  return secret;
});

const { POST } = await import("@/app/api/webhooks/resend/route");
const { inviteMembers } = await import("@/lib/invitations/invite-members");
const { deliverQueuedEmails } = await import("@/lib/email/deliver-queued-emails");
const { WEBHOOK_MAX_BYTES } = await import("@/lib/email/handle-resend-webhook");

const { db } = getTestDatabase();

async function sentInvitation() {
  const ctx = await createTeamWithMembers(db);
  const result = await inviteMembers(asActor(ctx.admin), ctx.ref, {
    emails: `hook-${randomUUID()}@example.com`,
    roleId: ctx.roles.member.id,
  });
  const id = result.ok ? result.results[0]!.invitationId! : "";
  await deliverQueuedEmails();
  const outbox = await db.emailOutbox.findFirstOrThrow({ where: { invitationId: id } });
  return { id, messageId: outbox.providerMessageId! };
}

function signed(type: string, messageId: string, options: { id?: string; at?: Date; tamper?: boolean } = {}) {
  const id = options.id ?? `msg_${randomUUID()}`;
  const at = options.at ?? new Date();
  const payload = JSON.stringify({
    type,
    created_at: at.toISOString(),
    data: { email_id: messageId, bounce: { message: "Mailbox does not exist" } },
  });
  const signature = new Webhook(SECRET).sign(id, at, payload);
  const body = options.tamper ? payload.replace(type, "email.delivered") : payload;
  return new Request("http://localhost/api/webhooks/resend", {
    method: "POST",
    body,
    headers: { "svix-id": id, "svix-timestamp": String(Math.floor(at.getTime() / 1000)), "svix-signature": signature },
  });
}

const statusOf = async (id: string) => (await db.invitation.findUniqueOrThrow({ where: { id } })).deliveryStatus;

describe("Resend webhook", () => {
  it("moves the delivery status forward on signed events", async () => {
    const { id, messageId } = await sentInvitation();
    expect((await POST(signed("email.delivered", messageId))).status).toBe(200);
    expect(await statusOf(id)).toBe("DELIVERED");
    expect((await POST(signed("email.bounced", messageId))).status).toBe(200);
    const invitation = await db.invitation.findUniqueOrThrow({ where: { id } });
    expect(invitation).toMatchObject({ deliveryStatus: "BOUNCED", deliveryError: "Mailbox does not exist" });
  });

  it("never moves backwards on out-of-order events", async () => {
    const { id, messageId } = await sentInvitation();
    await POST(signed("email.delivered", messageId));
    await POST(signed("email.sent", messageId));
    expect(await statusOf(id)).toBe("DELIVERED");
  });

  it("ignores a replayed event id", async () => {
    const { id, messageId } = await sentInvitation();
    const eventId = `msg_${randomUUID()}`;
    expect((await POST(signed("email.delivered", messageId, { id: eventId }))).status).toBe(200);
    await db.invitation.update({ where: { id }, data: { deliveryStatus: "SENT" } });
    const replay = await POST(signed("email.delivered", messageId, { id: eventId }));
    expect(replay.status).toBe(200);
    expect(await replay.text()).toBe("Already processed");
    expect(await statusOf(id)).toBe("SENT");
  });

  it("answers an event for an email whose id is not saved yet with non-2xx, records nothing, and applies Svix's retry", async () => {
    const ctx = await createTeamWithMembers(db);
    const invited = await inviteMembers(asActor(ctx.admin), ctx.ref, {
      emails: `early-${randomUUID()}@example.com`,
      roleId: ctx.roles.member.id,
    });
    const id = invited.ok ? invited.results[0]!.invitationId! : "";
    const messageId = randomUUID();
    const eventId = `msg_${randomUUID()}`;
    const at = new Date();

    const early = await POST(signed("email.delivered", messageId, { id: eventId, at }));
    expect(early.status).toBeGreaterThanOrEqual(400);
    expect(await db.webhookEvent.count({ where: { id: eventId } })).toBe(0);
    expect(await statusOf(id)).toBe("QUEUED");

    // The sender records the provider's answer (what deliverQueuedEmails does after the send).
    await db.emailOutbox.updateMany({
      where: { invitationId: id },
      data: { status: "SENT", providerMessageId: messageId },
    });
    await db.invitation.update({ where: { id }, data: { deliveryStatus: "SENT" } });

    const retried = await POST(signed("email.delivered", messageId, { id: eventId, at }));
    expect(retried.status).toBe(200);
    expect(await statusOf(id)).toBe("DELIVERED");
    expect(await db.webhookEvent.count({ where: { id: eventId } })).toBe(1);
    expect(await (await POST(signed("email.delivered", messageId, { id: eventId, at }))).text()).toBe(
      "Already processed",
    );
  });

  it.each([
    [
      "unsigned",
      (messageId: string) =>
        new Request("http://localhost/api/webhooks/resend", {
          method: "POST",
          body: JSON.stringify({ type: "email.delivered", data: { email_id: messageId } }),
        }),
    ],
    ["tampered", (messageId: string) => signed("email.bounced", messageId, { tamper: true })],
    [
      "stale",
      (messageId: string) => signed("email.delivered", messageId, { at: new Date(Date.now() - 60 * 60 * 1000) }),
    ],
  ])("rejects %s payloads with 400 and changes nothing", async (_label, build) => {
    const { id, messageId } = await sentInvitation();
    const response = await POST(build(messageId));
    expect(response.status).toBe(400);
    expect(await statusOf(id)).toBe("SENT");
  });
});

describe("Resend webhook bodies are capped while streaming and verified before parsing", () => {
  const CHUNK = 16 * 1024;

  /** A body of `total` bytes (Infinity: one that never ends) that counts how much of it was pulled. */
  function countingStream(total: number) {
    const state = { pulled: 0 };
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (state.pulled >= total) return controller.close();
        state.pulled += CHUNK;
        controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
      },
    });
    return { stream, state };
  }

  function post(body: ReadableStream<Uint8Array> | string, headers: Record<string, string>) {
    return new Request("http://localhost/api/webhooks/resend", {
      method: "POST",
      body,
      headers,
      duplex: "half",
    } as RequestInit);
  }

  const signatureHeaders = () => {
    const at = new Date();
    const id = `msg_${randomUUID()}`;
    return {
      "svix-id": id,
      "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
      "svix-signature": new Webhook(SECRET).sign(id, at, "{}"),
    };
  };

  it("stops reading a signed-looking body that never ends just past the cap, and answers 413", async () => {
    const { stream, state } = countingStream(Infinity);
    const response = await POST(post(stream, signatureHeaders()));
    expect(response.status).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(WEBHOOK_MAX_BYTES + 2 * CHUNK);
  });

  it("refuses a declared oversized body with 413 without reading it", async () => {
    const { stream, state } = countingStream(300 * 1024 * 1024);
    const response = await POST(post(stream, { ...signatureHeaders(), "content-length": String(300 * 1024 * 1024) }));
    expect(response.status).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(CHUNK);
  });

  it("reads nothing of a request without Svix headers", async () => {
    const { stream, state } = countingStream(Infinity);
    const response = await POST(post(stream, {}));
    expect(response.status).toBe(400);
    expect(state.pulled).toBeLessThanOrEqual(CHUNK);
  });

  it("never parses a body whose signature does not check out", async () => {
    const parse = vi.spyOn(JSON, "parse");
    try {
      const body = JSON.stringify({
        type: "email.delivered",
        data: { email_id: randomUUID() },
        padding: "x".repeat(WEBHOOK_MAX_BYTES - 200),
      });
      const response = await POST(post(body, signatureHeaders()));
      expect(response.status).toBe(400);
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });
});
