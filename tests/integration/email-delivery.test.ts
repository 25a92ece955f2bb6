import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { asActor, createTeamWithMembers } from "../helpers/factories";
import { startResendStandIn } from "../helpers/resend-stand-in";
import { getTestDatabase } from "../helpers/test-database";

vi.hoisted(() => {
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.EMAIL_SEND_TIMEOUT_MS = "1500";
  process.env.INVITES_PER_TEAM_PER_HOUR = "1000";
  process.env.INVITES_PER_INVITER_PER_HOUR = "1000";
  process.env.APP_URL = "https://teamgate.example";
});

const { deliverQueuedEmails } = await import("@/lib/email/deliver-queued-emails");
const { inviteMembers } = await import("@/lib/invitations/invite-members");
const { resendInvitation } = await import("@/lib/invitations/resend-invitation");
const { withdrawInvitation } = await import("@/lib/invitations/withdraw-invitation");

const { db } = getTestDatabase();
let standIn: Awaited<ReturnType<typeof startResendStandIn>>;

beforeAll(async () => {
  standIn = await startResendStandIn();
  process.env.RESEND_BASE_URL = standIn.url;
});
afterAll(async () => {
  await standIn.close();
});
beforeEach(() => standIn.reset());

async function invite(emails: string[], language: "en" | "fr" = "en") {
  const ctx = await createTeamWithMembers(db);
  await db.team.update({ where: { id: ctx.team.id }, data: { name: "Acme Rockets" } });
  const result = await inviteMembers(asActor(ctx.admin), ctx.ref, { emails, roleId: ctx.roles.member.id, language });
  if (!result.ok) throw new Error(result.error);
  return { ctx, ids: result.results.map((r) => r.invitationId!) };
}

/** Makes every pending row due now, as if its backoff had passed. */
const makeDue = () => db.emailOutbox.updateMany({ where: { status: "PENDING" }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });

describe("delivery through the Resend SDK", () => {
  it("sends one invitation with its link, subject, language and idempotency key", async () => {
    const { ids } = await invite(["solo@example.com"], "fr");
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 1, failed: 0 });
    expect(standIn.requests).toHaveLength(1);
    const [request] = standIn.requests;
    expect(request).toMatchObject({ path: "/emails", idempotencyKey: `invitation/${ids[0]}/send/1`, authorization: "Bearer re_test_key" });
    const email = request!.emails[0]!;
    expect(email.to).toEqual(["solo@example.com"]);
    expect(email.subject).toBe("Rejoignez Acme Rockets sur Teamgate");
    expect(email.html).toMatch(/https:\/\/teamgate\.example\/invite\/tgi_[A-Za-z0-9_-]{43}/);
    expect(email.text).toContain("Accepter l’invitation");
    const invitation = await db.invitation.findUniqueOrThrow({ where: { id: ids[0] } });
    expect(invitation.deliveryStatus).toBe("SENT");
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 0 });
  });

  it("sends a 500-address invitation in batches of 100", async () => {
    const emails = Array.from({ length: 500 }, (_, i) => `bulk${i}@example.com`);
    await invite(emails);
    const result = await deliverQueuedEmails({ limit: 500 });
    expect(result.sent).toBe(500);
    expect(standIn.requests.length).toBeLessThanOrEqual(5);
    expect(standIn.requests.every((r) => r.path === "/emails/batch" && r.idempotencyKey?.startsWith("batch/"))).toBe(true);
    expect(new Set(standIn.delivered.map((d) => d.to[0])).size).toBe(500);
  });

  it.each([
    ["a 500", { kind: "status", status: 500 } as const, /HTTP 500/],
    ["a quota-free 429 with retry-after", { kind: "status", status: 429, headers: { "retry-after": "120" }, body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" } } as const, /Too many requests/],
    ["a timeout", { kind: "hang" } as const, /Unable to fetch data/],
  ])("survives %s, shows the failure, and the retry delivers exactly once", async (_label, fault, message) => {
    const { ids } = await invite(["flaky@example.com"]);
    standIn.failNext(fault);
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 0, failed: 1 });
    const failed = await db.invitation.findUniqueOrThrow({ where: { id: ids[0] } });
    expect(failed).toMatchObject({ status: "PENDING", deliveryStatus: "FAILED" });
    expect(failed.deliveryError).toMatch(message);
    const row = await db.emailOutbox.findFirstOrThrow({ where: { invitationId: ids[0] } });
    expect(row.status).toBe("PENDING");
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    if (fault.kind === "status" && fault.status === 429) expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 100_000);

    expect(await deliverQueuedEmails()).toMatchObject({ sent: 0, failed: 0 });
    await makeDue();
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 1 });
    expect(standIn.delivered.filter((d) => d.to[0] === "flaky@example.com")).toHaveLength(1);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: ids[0] } })).deliveryStatus).toBe("SENT");
  });

  it("a retry after a lost answer reuses the idempotency key and sends nothing twice", async () => {
    await invite(["lost-answer@example.com"]);
    standIn.failNext({ kind: "deliver-then-hang" });
    expect(await deliverQueuedEmails()).toMatchObject({ failed: 1 });
    await makeDue();
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 1 });
    expect(standIn.requests).toHaveLength(2);
    expect(standIn.requests[0]!.idempotencyKey).toBe(standIn.requests[1]!.idempotencyKey);
    expect(standIn.delivered).toHaveLength(1);
  });

  it("stops retrying on a provider error that retrying cannot fix, and says why", async () => {
    const { ids } = await invite(["refused@example.com"]);
    standIn.failNext({ kind: "error-body", status: 422, name: "validation_error", message: "The domain is not verified" });
    expect(await deliverQueuedEmails()).toMatchObject({ failed: 1 });
    const row = await db.emailOutbox.findFirstOrThrow({ where: { invitationId: ids[0] } });
    expect(row.status).toBe("FAILED");
    const invitation = await db.invitation.findUniqueOrThrow({ where: { id: ids[0] } });
    expect(invitation).toMatchObject({ status: "PENDING", deliveryStatus: "FAILED" });
    expect(invitation.deliveryError).toContain("The domain is not verified");
    await makeDue();
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 0, failed: 0 });
  });

  it("after a crash between commit and send, the lease expires and the email goes out once", async () => {
    const { ids } = await invite(["crash@example.com"]);
    // A sender claimed the row, then died before sending.
    await db.emailOutbox.updateMany({ where: { invitationId: ids[0] }, data: { lockedUntil: new Date(Date.now() + 60_000), attempts: 1 } });
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 0 });
    await db.emailOutbox.updateMany({ where: { invitationId: ids[0] }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 1 });
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 0 });
    expect(standIn.delivered).toHaveLength(1);
  });

  it("sends only the newest link after a resend, and nothing for a withdrawn invitation", async () => {
    const { ctx, ids } = await invite(["resent@example.com", "withdrawn@example.com"]);
    await resendInvitation(asActor(ctx.admin), ctx.ref, ids[0]!);
    await withdrawInvitation(asActor(ctx.admin), ctx.ref, ids[1]!);
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 1, skipped: 2 });
    expect(standIn.delivered.map((d) => d.to[0])).toEqual(["resent@example.com"]);
    expect(standIn.requests[0]!.idempotencyKey).toBe(`invitation/${ids[0]}/send/2`);
  });

  it("two senders running at once never send the same row twice", async () => {
    await invite(Array.from({ length: 30 }, (_, i) => `parallel${i}@example.com`));
    const results = await Promise.all([deliverQueuedEmails({ limit: 20 }), deliverQueuedEmails({ limit: 20 })]);
    expect(results[0].sent + results[1].sent).toBe(30);
    expect(standIn.delivered).toHaveLength(30);
  });
});
