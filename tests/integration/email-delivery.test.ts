import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { asActor, createTeamWithMembers } from "../helpers/factories";
import { startResendStandIn } from "../helpers/resend-stand-in";
import { getTestDatabase } from "../helpers/test-database";

vi.hoisted(() => {
  process.env.RESEND_API_KEY = "re_test_key";
  // Long enough for a batch of 100 on a loaded machine running PGlite in this process; a hang still ends in seconds.
  process.env.EMAIL_SEND_TIMEOUT_MS = "5000";
  process.env.INVITES_PER_TEAM_PER_HOUR = "1000";
  process.env.INVITES_PER_INVITER_PER_HOUR = "1000";
  process.env.APP_URL = "https://teamgate.example";
});

const renderLog = vi.hoisted(() => [] as string[]);

// One template failure, on demand: proves a throwing row cannot stall the others.
vi.mock("@/lib/email/render-invitation-email", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/email/render-invitation-email")>();
  return {
    ...original,
    renderInvitationEmail: async (input: Parameters<typeof original.renderInvitationEmail>[0]) => {
      if (input.to.startsWith("render-bomb")) throw new Error("Template exploded");
      renderLog.push(`render ${input.to}`);
      return original.renderInvitationEmail(input);
    },
  };
});

const { deliverQueuedEmails, MAX_BACKOFF_SECONDS, OTHER_EMAIL_RETRY_HOURS } =
  await import("@/lib/email/deliver-queued-emails");
const { startEmailWorker } = await import("@/lib/email/start-email-worker");
const { inviteMembers } = await import("@/lib/invitations/invite-members");
const { resendInvitation } = await import("@/lib/invitations/resend-invitation");
const { withdrawInvitation } = await import("@/lib/invitations/withdraw-invitation");

const { db, engine } = getTestDatabase();
let standIn: Awaited<ReturnType<typeof startResendStandIn>>;

beforeAll(async () => {
  standIn = await startResendStandIn();
  process.env.RESEND_BASE_URL = standIn.url;
});
afterAll(async () => {
  await standIn.close();
});
beforeEach(() => standIn.reset());
// Each test starts with an empty queue, whatever the one before left behind.
afterEach(async () => {
  vi.useRealTimers();
  await db.emailOutbox.updateMany({ where: { status: "PENDING" }, data: { status: "SKIPPED" } });
});

async function invite(emails: string[], language: "en" | "fr" = "en") {
  const ctx = await createTeamWithMembers(db);
  await db.team.update({ where: { id: ctx.team.id }, data: { name: "Acme Rockets" } });
  const result = await inviteMembers(asActor(ctx.admin), ctx.ref, { emails, roleId: ctx.roles.member.id, language });
  if (!result.ok) throw new Error(result.error);
  return { ctx, ids: result.results.map((r) => r.invitationId!) };
}

/** Makes every pending row due now on the database clock, as if its backoff had passed. */
const makeDue = () =>
  db.$executeRaw`UPDATE "EmailOutbox" SET "nextAttemptAt" = now() - interval '1 second' WHERE "status" = 'PENDING'`;

const databaseNow = async () => (await db.$queryRaw<Array<{ now: Date }>>`SELECT now() AS now`)[0]!.now;
const outboxOf = (invitationId: string) => db.emailOutbox.findFirstOrThrow({ where: { invitationId } });
const deliveredTo = (address: string) => standIn.delivered.filter((d) => d.to[0] === address);

describe("delivery through the Resend SDK", () => {
  it("sends one invitation with its link, subject, language and idempotency key", async () => {
    const { ids } = await invite(["solo@example.com"], "fr");
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 1, failed: 0 });
    expect(standIn.requests).toHaveLength(1);
    const [request] = standIn.requests;
    expect(request).toMatchObject({
      path: "/emails",
      idempotencyKey: `invitation/${ids[0]}/send/1`,
      authorization: "Bearer re_test_key",
    });
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
    expect(standIn.requests.every((r) => r.path === "/emails/batch" && r.idempotencyKey?.startsWith("batch/"))).toBe(
      true,
    );
    expect(new Set(standIn.delivered.map((d) => d.to[0])).size).toBe(500);
  });

  it.each([
    ["a 500", { kind: "status", status: 500 } as const, /HTTP 500/],
    [
      "an { error } answer that retrying can fix",
      { kind: "error-body", status: 503, name: "internal_server_error", message: "Try again shortly" } as const,
      /Try again shortly/,
    ],
    ["a 200 whose answer has no email id", { kind: "status", status: 200, body: {} } as const, /without an email id/],
    [
      "a quota-free 429 with retry-after",
      {
        kind: "status",
        status: 429,
        headers: { "retry-after": "120" },
        body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" },
      } as const,
      /Too many requests/,
    ],
    ["a timeout", { kind: "hang" } as const, /Unable to fetch data/],
  ])("survives %s, shows the failure, and the retry delivers exactly once", async (_label, fault, message) => {
    const { ids } = await invite(["flaky@example.com"]);
    standIn.failNext(fault);
    const before = await databaseNow();
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 0, failed: 1 });
    const failed = await db.invitation.findUniqueOrThrow({ where: { id: ids[0] } });
    expect(failed).toMatchObject({ status: "PENDING", deliveryStatus: "FAILED" });
    expect(failed.deliveryError).toMatch(message);
    const row = await outboxOf(ids[0]!);
    expect(row.status).toBe("PENDING");
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(before.getTime());
    if (fault.kind === "status" && fault.status === 429)
      expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before.getTime() + 120_000);

    expect(await deliverQueuedEmails()).toMatchObject({ sent: 0, failed: 0 });
    await makeDue();
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 1 });
    expect(standIn.requests).toHaveLength(2);
    expect(standIn.requests[1]!.idempotencyKey).toBe(standIn.requests[0]!.idempotencyKey);
    expect(deliveredTo("flaky@example.com")).toHaveLength(1);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: ids[0] } })).deliveryStatus).toBe("SENT");
  });

  it.each([
    ["daily", "daily_quota_exceeded"],
    ["monthly", "monthly_quota_exceeded"],
  ])(
    "keeps retrying while the %s quota is exceeded (the account's limit, not the address's) and delivers once it is lifted",
    async (_label, name) => {
      const { ids } = await invite([`quota-${name}@example.com`]);
      standIn.failNext({
        kind: "status",
        status: 429,
        headers: { "retry-after": "60" },
        body: { statusCode: 429, name, message: "You have reached your sending quota" },
      });
      expect(await deliverQueuedEmails()).toMatchObject({ failed: 1 });
      expect(await outboxOf(ids[0]!)).toMatchObject({
        status: "PENDING",
        lastError: expect.stringContaining("sending quota"),
      });
      const invitation = await db.invitation.findUniqueOrThrow({ where: { id: ids[0] } });
      expect(invitation).toMatchObject({ status: "PENDING", deliveryStatus: "FAILED" });
      expect(invitation.deliveryError).toContain("retrying automatically");
      await makeDue();
      expect(await deliverQueuedEmails()).toMatchObject({ sent: 1 });
      expect(deliveredTo(`quota-${name}@example.com`)).toHaveLength(1);
    },
  );

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
    standIn.failNext({
      kind: "error-body",
      status: 422,
      name: "validation_error",
      message: "The domain is not verified",
    });
    expect(await deliverQueuedEmails()).toMatchObject({ failed: 1 });
    const row = await db.emailOutbox.findFirstOrThrow({ where: { invitationId: ids[0] } });
    expect(row.status).toBe("FAILED");
    const invitation = await db.invitation.findUniqueOrThrow({ where: { id: ids[0] } });
    expect(invitation).toMatchObject({ status: "PENDING", deliveryStatus: "FAILED" });
    expect(invitation.deliveryError).toContain("The domain is not verified");
    expect(invitation.deliveryError).toMatch(/^Undeliverable: /);
    await makeDue();
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 0, failed: 0 });
  });

  it("after a crash between commit and send, the lease expires and the email goes out once", async () => {
    const { ids } = await invite(["crash@example.com"]);
    // A sender claimed the row, then died before sending.
    await db.$executeRaw`UPDATE "EmailOutbox" SET "lockedUntil" = now() + interval '1 minute', "attempts" = 1 WHERE "invitationId" = ${ids[0]}::uuid`;
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 0 });
    await db.$executeRaw`UPDATE "EmailOutbox" SET "lockedUntil" = now() - interval '1 second' WHERE "invitationId" = ${ids[0]}::uuid`;
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

  it("lets other work run between the emails it prepares, not only after the whole pass", async () => {
    await invite(Array.from({ length: 30 }, (_, i) => `interleave-${i}@example.com`));
    renderLog.length = 0;
    let ticking = true;
    const tick = () => {
      renderLog.push("tick");
      if (ticking) setImmediate(tick);
    };
    const pass = deliverQueuedEmails();
    setImmediate(tick);
    await pass;
    ticking = false;
    const renders = renderLog.flatMap((entry, index) => (entry.startsWith("render") ? [index] : []));
    expect(renders).toHaveLength(30);
    // Other callbacks ran between the first and the last email's preparation.
    expect(
      renderLog.slice(renders[0], renders.at(-1)).filter((entry) => entry === "tick").length,
    ).toBeGreaterThanOrEqual(2);
  });

  it("two senders running at once never send the same row twice", async () => {
    await invite(Array.from({ length: 30 }, (_, i) => `parallel${i}@example.com`));
    const results = await Promise.all([deliverQueuedEmails({ limit: 20 }), deliverQueuedEmails({ limit: 20 })]);
    expect(results[0].sent + results[1].sent).toBe(30);
    expect(standIn.delivered).toHaveLength(30);
  });
});

describe("batches and retries never send twice", () => {
  it("a batch that reached Resend but timed out goes out once per recipient, even when its rows fall due at different times", async () => {
    const addresses = ["batch-a@example.com", "batch-b@example.com", "batch-c@example.com"];
    const { ids } = await invite(addresses);
    standIn.failNext({ kind: "deliver-then-hang" });
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 0, failed: 3 });
    expect(standIn.delivered).toHaveLength(3);

    // Only the first row is due; its batch-mates would be due later.
    await db.$executeRaw`UPDATE "EmailOutbox" SET "nextAttemptAt" = now() - interval '1 second' WHERE "invitationId" = ${ids[0]}::uuid`;
    await db.$executeRaw`UPDATE "EmailOutbox" SET "nextAttemptAt" = now() + interval '1 hour' WHERE "invitationId" = ANY(${ids.slice(1)}::uuid[])`;
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 3, failed: 0 });
    await makeDue();
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 0, failed: 0 });

    for (const address of addresses) expect(deliveredTo(address)).toHaveLength(1);
    expect(standIn.requests.map((r) => r.idempotencyKey)).toEqual([
      standIn.requests[0]!.idempotencyKey,
      standIn.requests[0]!.idempotencyKey,
    ]);
    for (const id of ids) {
      expect(await outboxOf(id)).toMatchObject({ status: "SENT", providerMessageId: expect.any(String) });
      expect((await db.invitation.findUniqueOrThrow({ where: { id } })).deliveryStatus).toBe("SENT");
    }
  });

  it("a batch that reached Resend, retried after one invitation was withdrawn, counts the others as sent", async () => {
    const { ctx, ids } = await invite(["sent-a@example.com", "sent-b@example.com", "sent-withdrawn@example.com"]);
    standIn.failNext({ kind: "deliver-then-hang" });
    await deliverQueuedEmails();
    await withdrawInvitation(asActor(ctx.admin), ctx.ref, ids[2]!);
    await makeDue();
    // The smaller batch under the same key is refused (409): Resend had accepted the original.
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 2, skipped: 1 });
    expect(standIn.delivered).toHaveLength(3);
    expect(await outboxOf(ids[0]!)).toMatchObject({ status: "SENT" });
    expect(await outboxOf(ids[2]!)).toMatchObject({ status: "SKIPPED" });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: ids[1] } })).deliveryStatus).toBe("SENT");
  });

  it("a batch that never reached Resend, retried after one invitation was withdrawn, sends the others once", async () => {
    const { ctx, ids } = await invite(["lost-a@example.com", "lost-b@example.com", "lost-withdrawn@example.com"]);
    standIn.failNext({ kind: "hang" });
    await deliverQueuedEmails();
    await withdrawInvitation(asActor(ctx.admin), ctx.ref, ids[2]!);
    await makeDue();
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 2, skipped: 1 });
    expect(standIn.delivered.map((d) => d.to[0]).sort()).toEqual(["lost-a@example.com", "lost-b@example.com"]);
    expect(standIn.requests[1]!.idempotencyKey).toBe(standIn.requests[0]!.idempotencyKey);
  });

  it("an email first tried alone is never folded into a new batch under another key", async () => {
    const first = await invite(["alone@example.com"]);
    standIn.failNext({ kind: "deliver-then-hang" });
    expect(await deliverQueuedEmails()).toMatchObject({ failed: 1 });
    await invite(["newcomer-1@example.com", "newcomer-2@example.com"]);
    await makeDue();
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 3 });
    expect(deliveredTo("alone@example.com")).toHaveLength(1);
    expect(await outboxOf(first.ids[0]!)).toMatchObject({ status: "SENT" });
  });

  it("one message Resend refuses does not fail its batch: permissive validation sends the rest", async () => {
    standIn.refuseRecipient("refused-in-batch@example.com", "The `to` field is invalid.");
    const { ids } = await invite(["ok-1@example.com", "refused-in-batch@example.com", "ok-2@example.com"]);
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 2, failed: 1 });
    expect(standIn.requests[0]!.batchValidation).toBe("permissive");
    expect(standIn.delivered.map((d) => d.to[0]).sort()).toEqual(["ok-1@example.com", "ok-2@example.com"]);
    expect(await outboxOf(ids[1]!)).toMatchObject({
      status: "FAILED",
      lastError: expect.stringContaining("`to` field is invalid"),
    });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: ids[1] } })).toMatchObject({
      deliveryStatus: "FAILED",
    });
    await makeDue();
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 0, failed: 0 });
  });

  it("saves each batch's provider ids as soon as that batch is answered", async () => {
    const { ids } = await invite(Array.from({ length: 150 }, (_, i) => `early-id${i}@example.com`));
    standIn.failNext({ kind: "none" }, { kind: "hang" });
    const running = deliverQueuedEmails({ limit: 150 });
    await vi.waitFor(() => expect(standIn.requests).toHaveLength(2), { timeout: 5000 });
    // The second batch is still waiting for its answer: the first one's ids must already be saved,
    // or a webhook about them would find nothing.
    const saved = await db.emailOutbox.count({
      where: { invitationId: { in: ids }, providerMessageId: { not: null } },
    });
    expect(saved).toBe(100);
    expect(await running).toMatchObject({ sent: 100, failed: 50 });
  });
});

describe("one bad row, a crash, or a clock never stall or undo delivery", () => {
  it("a row that throws while being prepared records its error and the others still go out; it is retried until its invitation expires", async () => {
    const { ids } = await invite(["render-bomb@example.com", "fine-1@example.com", "fine-2@example.com"]);
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 2, failed: 1 });
    expect(standIn.delivered.map((d) => d.to[0]).sort()).toEqual(["fine-1@example.com", "fine-2@example.com"]);
    expect(await outboxOf(ids[0]!)).toMatchObject({
      status: "PENDING",
      attempts: 1,
      lastError: "Template exploded",
      lockedUntil: null,
    });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: ids[0] } })).toMatchObject({
      deliveryStatus: "FAILED",
    });

    await db.emailOutbox.updateMany({ where: { invitationId: ids[0] }, data: { attempts: 50 } });
    await makeDue();
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 0, failed: 1 });
    expect(await outboxOf(ids[0]!)).toMatchObject({ status: "PENDING", attempts: 51 });
    await db.$executeRaw`UPDATE "Invitation" SET "expiresAt" = now() - interval '1 second' WHERE "id" = ${ids[0]}::uuid`;
    await makeDue();
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 0, failed: 0, skipped: 1 });
    expect(await outboxOf(ids[0]!)).toMatchObject({ status: "SKIPPED" });
  });

  it("a failed attempt never moves a delivery status backwards from what Resend already reported", async () => {
    const { ids } = await invite(["reported@example.com"]);
    // Resend's email.sent webhook beat the sender's own (timed-out) answer.
    await db.invitation.update({ where: { id: ids[0] }, data: { deliveryStatus: "SENT" } });
    standIn.failNext({ kind: "status", status: 500 });
    expect(await deliverQueuedEmails()).toMatchObject({ failed: 1 });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: ids[0] } })).toMatchObject({
      deliveryStatus: "SENT",
      deliveryError: null,
    });
  });

  it("a sender killed mid-send leaves the row to a fresh sender, which delivers exactly once", async () => {
    const { ids } = await invite(["killed-mid-send@example.com"]);
    standIn.failNext({ kind: "deliver-then-hang" });
    const first = startEmailWorker();
    await vi.waitFor(() => expect(standIn.requests).toHaveLength(1));
    await first.stop();
    // Nothing was recorded: the row is still leased to the dead sender.
    expect(await outboxOf(ids[0]!)).toMatchObject({ status: "PENDING", providerMessageId: null, lastError: null });

    await db.$executeRaw`UPDATE "EmailOutbox" SET "lockedUntil" = now() - interval '1 second' WHERE "invitationId" = ${ids[0]}::uuid`;
    const second = startEmailWorker();
    await vi.waitFor(async () => expect(await outboxOf(ids[0]!)).toMatchObject({ status: "SENT" }), {
      timeout: 10_000,
    });
    await second.stop();
    expect(standIn.requests).toHaveLength(2);
    expect(standIn.requests[1]!.idempotencyKey).toBe(standIn.requests[0]!.idempotencyKey);
    expect(deliveredTo("killed-mid-send@example.com")).toHaveLength(1);
  });

  it("judges expiry and schedules retries by the database clock, not the app server's", async () => {
    const { ids } = await invite(["expired-by-db@example.com", "retry-by-db@example.com"]);
    await db.$executeRaw`UPDATE "Invitation" SET "expiresAt" = now() - interval '1 second' WHERE "id" = ${ids[0]}::uuid`;
    // PGlite runs in this process and shares its clock; on PostgreSQL the two really differ.
    if (engine === "postgres") {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(Date.now() - 24 * 3600 * 1000);
    }
    standIn.failNext({ kind: "status", status: 500 });
    expect(await deliverQueuedEmails()).toMatchObject({ skipped: 1, failed: 1 });
    vi.useRealTimers();
    expect(await outboxOf(ids[0]!)).toMatchObject({ status: "SKIPPED" });
    const retry = await outboxOf(ids[1]!);
    const now = await databaseNow();
    expect(retry.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
    expect(retry.nextAttemptAt.getTime()).toBeLessThan(now.getTime() + 3600_000);
  });
});

describe("a provider outage never loses an invitation's email", () => {
  const secondsUntil = async (id: string) =>
    ((await outboxOf(id)).nextAttemptAt.getTime() - (await databaseNow()).getTime()) / 1000;

  it("retries through an outage far longer than the old eight attempts (5xx, 429, resets, timeouts) with capped backoff, then delivers once", async () => {
    const addresses = ["outage-a@example.com", "outage-b@example.com"];
    const { ids } = await invite(addresses);
    const faults = [
      { kind: "status", status: 503 },
      { kind: "status", status: 500 },
      {
        kind: "status",
        status: 429,
        body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" },
      },
      { kind: "reset" },
      { kind: "status", status: 502 },
      { kind: "error-body", status: 500, name: "internal_server_error", message: "Try again shortly" },
    ] as const;
    // Fourteen failed rounds: with the old policy the rows were FAILED for good after eight.
    for (let round = 0; round < 14; round += 1) {
      standIn.startOutage(round === 9 ? { kind: "hang" } : faults[round % faults.length]!);
      expect(await deliverQueuedEmails()).toMatchObject({ sent: 0, failed: 2 });
      for (const id of ids) {
        expect(await outboxOf(id)).toMatchObject({ status: "PENDING", attempts: round + 1 });
        const invitation = await db.invitation.findUniqueOrThrow({ where: { id } });
        expect(invitation).toMatchObject({ status: "PENDING", deliveryStatus: "FAILED" });
        expect(invitation.deliveryError).toContain("retrying automatically");
        expect(await secondsUntil(id)).toBeLessThanOrEqual(MAX_BACKOFF_SECONDS * 1.2 + 1);
      }
      await makeDue();
    }
    // Late in the outage the backoff sits at its cap: the email goes out minutes after recovery, not hours.
    standIn.startOutage({ kind: "status", status: 503 });
    expect(await deliverQueuedEmails()).toMatchObject({ failed: 2 });
    expect(await secondsUntil(ids[0]!)).toBeGreaterThanOrEqual(MAX_BACKOFF_SECONDS * 0.8 - 1);

    standIn.endOutage();
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 0 });
    await makeDue();
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 2, failed: 0 });
    for (const address of addresses) expect(deliveredTo(address)).toHaveLength(1);
    for (const id of ids) {
      expect(await outboxOf(id)).toMatchObject({ status: "SENT" });
      expect(await db.invitation.findUniqueOrThrow({ where: { id } })).toMatchObject({
        deliveryStatus: "SENT",
        deliveryError: null,
      });
    }
    // Every attempt replayed the one batch under its one key, so nothing could go out twice.
    expect(new Set(standIn.requests.map((r) => r.idempotencyKey)).size).toBe(1);
  });

  it("an invitation that expires during the outage is skipped, not retried forever", async () => {
    const { ids } = await invite(["outage-expired@example.com"]);
    standIn.startOutage({ kind: "status", status: 503 });
    expect(await deliverQueuedEmails()).toMatchObject({ failed: 1 });
    await db.$executeRaw`UPDATE "Invitation" SET "expiresAt" = now() - interval '1 second' WHERE "id" = ${ids[0]}::uuid`;
    await makeDue();
    standIn.endOutage();
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 0, skipped: 1 });
    expect(standIn.delivered).toHaveLength(0);
  });

  it.each([
    [
      "a 422 validation error",
      { kind: "error-body", status: 422, name: "validation_error", message: "Invalid `to` field" } as const,
    ],
    [
      "a 400 validation error",
      { kind: "error-body", status: 400, name: "validation_error", message: "Invalid `to` field" } as const,
    ],
  ])(
    "tells an undeliverable address (%s) apart from an outage: failed for good at once, and labelled so",
    async (_label, fault) => {
      const { ids } = await invite(["undeliverable@example.com"]);
      standIn.failNext(fault);
      expect(await deliverQueuedEmails()).toMatchObject({ failed: 1 });
      expect(await outboxOf(ids[0]!)).toMatchObject({ status: "FAILED", attempts: 1 });
      const invitation = await db.invitation.findUniqueOrThrow({ where: { id: ids[0] } });
      expect(invitation.deliveryError).toBe(`Undeliverable: Invalid \`to\` field (HTTP ${fault.status})`);
      await makeDue();
      expect(await deliverQueuedEmails()).toMatchObject({ sent: 0, failed: 0 });
      expect(standIn.requests).toHaveLength(1);
    },
  );

  it.each([
    [
      "an invalid API key",
      { kind: "error-body", status: 403, name: "invalid_api_key", message: "API key is invalid" } as const,
    ],
    [
      "an unverified sending domain",
      {
        kind: "error-body",
        status: 403,
        name: "validation_error",
        message: "The example.com domain is not verified",
      } as const,
    ],
    [
      "a sender address Resend refuses",
      { kind: "error-body", status: 422, name: "invalid_from_address", message: "Invalid `from` field" } as const,
    ],
  ])("treats %s (the account's problem, fixed by an operator) as an outage", async (_label, fault) => {
    const { ids } = await invite(["account-problem@example.com"]);
    standIn.failNext(fault);
    expect(await deliverQueuedEmails()).toMatchObject({ failed: 1 });
    expect(await outboxOf(ids[0]!)).toMatchObject({ status: "PENDING" });
    await makeDue();
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 1 });
  });

  it(`gives up on an email that is not an invitation's ${OTHER_EMAIL_RETRY_HOURS} hours after it was queued`, async () => {
    const { ctx, ids } = await invite(["renewal-asker@example.com"]);
    await deliverQueuedEmails();
    const row = await db.emailOutbox.create({
      data: {
        invitationId: ids[0]!,
        kind: "renewal_request",
        to: ctx.admin.email,
        payload: {},
        idempotencyKey: `renewal/${ids[0]}/outage`,
      },
    });
    standIn.startOutage({ kind: "status", status: 503 });
    expect(await deliverQueuedEmails()).toMatchObject({ failed: 1 });
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "PENDING" });
    await db.$executeRaw`UPDATE "EmailOutbox" SET "createdAt" = now() - make_interval(hours => ${OTHER_EMAIL_RETRY_HOURS}::int) WHERE "id" = ${row.id}::uuid`;
    await makeDue();
    const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await deliverQueuedEmails()).toMatchObject({ failed: 1 });
    warned.mockRestore();
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "FAILED" });
  });
});
