import { describe, expect, it, vi } from "vitest";
import { asActor, createTeamWithMembers } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

vi.hoisted(() => {
  process.env.RESEND_API_KEY = "";
});

const { env } = await import("@/lib/env");
const { deliverQueuedEmails } = await import("@/lib/email/deliver-queued-emails");
const { emailCurrentInvitationLink } = await import("@/lib/invitations/email-current-invitation-link");
const { findInvitationByToken } = await import("@/lib/invitations/find-invitation-by-token");
const { getInvitationLink } = await import("@/lib/invitations/get-invitation-link");
const { inviteMembers } = await import("@/lib/invitations/invite-members");
const { previewInvitations } = await import("@/lib/invitations/preview-invitations");
const { queueExpiryReminders } = await import("@/lib/invitations/queue-expiry-reminders");
const { requestInvitationRenewal } = await import("@/lib/invitations/request-invitation-renewal");
const { resendInvitation } = await import("@/lib/invitations/resend-invitation");
const { resetInvitationLink } = await import("@/lib/invitations/reset-invitation-link");
const { withdrawInvitation } = await import("@/lib/invitations/withdraw-invitation");

// On PostgreSQL the parallel calls below run on separate pooled connections, like separate
// server processes: what is proven is the database's own guarantee. PGlite serialises them.
const { db, engine } = getTestDatabase();

type Ctx = Awaited<ReturnType<typeof createTeamWithMembers>>;

async function inviteOne(ctx: Ctx, email: string) {
  const invited = await inviteMembers(asActor(ctx.admin), ctx.ref, { emails: email, roleId: ctx.roles.member.id });
  const id = invited.ok ? invited.results[0]!.invitationId! : "";
  return { id, token: await currentToken(ctx, id) };
}

async function currentToken(ctx: Ctx, id: string) {
  const link = await getInvitationLink(asActor(ctx.admin), ctx.ref, id);
  return link.ok ? link.url.split("/invite/")[1]! : "";
}

/** As if the invitation was sent `sentDaysAgo` days ago and expires in `expiresInHours` hours. */
async function age(id: string, sentDaysAgo: number, expiresInHours: number) {
  await db.$executeRaw`
    UPDATE "Invitation" SET "lastSentAt" = now() - make_interval(days => ${sentDaysAgo}::int), "createdAt" = now() - make_interval(days => ${sentDaysAgo}::int),
      "expiresAt" = now() + make_interval(hours => ${expiresInHours}::int)
    WHERE "id" = ${id}::uuid`;
}

const outboxOf = (invitationId: string, kind: string) =>
  db.emailOutbox.findMany({ where: { invitationId, kind }, orderBy: { createdAt: "asc" } });

describe(`replaced links (${engine})`, () => {
  it("a replaced link tells its invitation's state, whichever link it is", async () => {
    const ctx = await createTeamWithMembers(db);
    const { id, token: first } = await inviteOne(ctx, "old-link@example.com");
    await resetInvitationLink(asActor(ctx.admin), ctx.ref, id);
    const second = await currentToken(ctx, id);
    await resetInvitationLink(asActor(ctx.admin), ctx.ref, id);
    const third = await currentToken(ctx, id);

    const firstView = await findInvitationByToken(first);
    const secondView = await findInvitationByToken(second);
    expect(firstView).toMatchObject({ state: "PENDING", replacedAt: expect.any(Date), email: "old-link@example.com" });
    expect(secondView).toMatchObject({ state: "PENDING", replacedAt: expect.any(Date) });
    // Each old link says when the link that replaced it was sent.
    expect(
      firstView.state !== "invalid" &&
        secondView.state !== "invalid" &&
        firstView.replacedAt! <= secondView.replacedAt!,
    ).toBe(true);
    expect(await findInvitationByToken(third)).toMatchObject({ state: "PENDING", replacedAt: null });

    // Expired, then withdrawn: the old links say so like the newest one.
    await db.$executeRaw`UPDATE "Invitation" SET "expiresAt" = now() - interval '1 second' WHERE "id" = ${id}::uuid`;
    expect(await findInvitationByToken(first)).toMatchObject({ state: "EXPIRED" });
    // "Ask for a new invitation" works from an old link too.
    expect(await requestInvitationRenewal(first)).toEqual({ ok: true });
    expect(await db.invitation.findUniqueOrThrow({ where: { id } })).toMatchObject({
      renewalRequestedAt: expect.any(Date),
    });
    await db.$executeRaw`UPDATE "Invitation" SET "expiresAt" = now() + interval '1 day' WHERE "id" = ${id}::uuid`;
    await withdrawInvitation(asActor(ctx.admin), ctx.ref, id);
    for (const token of [first, second, third])
      expect(await findInvitationByToken(token)).toMatchObject({ state: "WITHDRAWN" });
  });

  it("'Email me the current link' mails the current link to the invitation's own address only, within its limit, with one answer for everything", async () => {
    const ctx = await createTeamWithMembers(db);
    const { id, token: old } = await inviteOne(ctx, "Current.Link@Example.com");
    await resetInvitationLink(asActor(ctx.admin), ctx.ref, id);
    const current = await currentToken(ctx, id);
    await deliverQueuedEmails();

    const limit = env.RESENDS_PER_INVITATION_PER_HOUR;
    for (let attempt = 0; attempt < limit + 2; attempt += 1)
      expect(await emailCurrentInvitationLink(old)).toEqual({ ok: true });
    const queued = await outboxOf(id, "current_link");
    expect(queued).toHaveLength(limit);
    expect(new Set(queued.map((row) => row.to))).toEqual(new Set(["Current.Link@example.com"]));
    expect(await db.auditEvent.count({ where: { targetId: id, action: "invitation.current_link_requested" } })).toBe(
      limit,
    );

    // The same answer, and nothing queued, for the current link, an unknown one, or garbage.
    for (const token of [current, `tgi_${"Q".repeat(43)}`, "nonsense"])
      expect(await emailCurrentInvitationLink(token)).toEqual({ ok: true });
    expect(await outboxOf(id, "current_link")).toHaveLength(limit);

    expect(await deliverQueuedEmails()).toMatchObject({ sent: limit });
    const mails = await db.mailboxMessage.findMany({
      where: { to: "Current.Link@example.com" },
      orderBy: { createdAt: "desc" },
    });
    expect(mails[0]!.subject).toMatch(/current link/i);
    expect(mails[0]!.html).toContain(`/invite/${current}`);
    expect(mails[0]!.html).not.toContain(old);

    // A closed invitation gets nothing, with the same answer.
    await withdrawInvitation(asActor(ctx.admin), ctx.ref, id);
    await db.rateLimitBucket.deleteMany({ where: { key: `current-link:${id}` } });
    expect(await emailCurrentInvitationLink(old)).toEqual({ ok: true });
    expect(await outboxOf(id, "current_link")).toHaveLength(limit);
  });

  it(`parallel 'email me the current link' requests stay within the limit (${engine})`, async () => {
    const ctx = await createTeamWithMembers(db);
    const { id, token: old } = await inviteOne(ctx, "parallel-link@example.com");
    await resetInvitationLink(asActor(ctx.admin), ctx.ref, id);
    const answers = await Promise.all(Array.from({ length: 12 }, () => emailCurrentInvitationLink(old)));
    expect(answers.every((answer) => answer.ok)).toBe(true);
    expect(await outboxOf(id, "current_link")).toHaveLength(env.RESENDS_PER_INVITATION_PER_HOUR);
  });
});

describe(`re-inviting (${engine})`, () => {
  it("an expired, withdrawn or declined invitation's address gets a fresh invitation; the preview says so in the invite's words", async () => {
    const ctx = await createTeamWithMembers(db);
    const expired = await inviteOne(ctx, "expired-again@example.com");
    await db.$executeRaw`UPDATE "Invitation" SET "expiresAt" = now() - interval '1 second' WHERE "id" = ${expired.id}::uuid`;
    const withdrawn = await inviteOne(ctx, "withdrawn-again@example.com");
    await withdrawInvitation(asActor(ctx.admin), ctx.ref, withdrawn.id);
    await inviteOne(ctx, "pending-still@example.com");

    const text = "expired-again@example.com, withdrawn-again@example.com, pending-still@example.com, new@example.com";
    const preview = await previewInvitations(asActor(ctx.admin), ctx.ref, text);
    expect(
      preview.ok && preview.entries.map((entry) => [entry.status, entry.previous ?? null, entry.reason ?? null]),
    ).toEqual([
      ["invited", "EXPIRED", "Previous invitation expired"],
      ["invited", "WITHDRAWN", "Previous invitation withdrawn"],
      ["already_invited", null, "Already invited: resend the pending invitation instead"],
      ["invited", null, null],
    ]);

    const result = await inviteMembers(asActor(ctx.admin), ctx.ref, { emails: text, roleId: ctx.roles.member.id });
    expect(result.ok && result.results.map((entry) => [entry.outcome, entry.reason ?? null])).toEqual([
      ["invited", "Previous invitation expired"],
      ["invited", "Previous invitation withdrawn"],
      ["already_invited", "Already invited: resend the pending invitation instead"],
      ["invited", null],
    ]);
    const fresh = result.ok ? result.results[0]!.invitationId! : "";
    expect(fresh).not.toBe(expired.id);
    expect(await findInvitationByToken(await currentToken(ctx, fresh))).toMatchObject({ state: "PENDING" });
    // The expired one is closed (its pending slot is the new one's), and its history says why.
    expect(await db.invitation.findUniqueOrThrow({ where: { id: expired.id } })).toMatchObject({
      status: "WITHDRAWN",
      pendingKey: null,
    });
    expect(await db.auditEvent.count({ where: { targetId: expired.id, action: "invitation.superseded" } })).toBe(1);
    expect(await db.invitation.count({ where: { teamId: ctx.team.id, pendingKey: "expired-again@example.com" } })).toBe(
      1,
    );
  });

  it(`two parallel invites of an expired address create one fresh invitation (${engine})`, async () => {
    const ctx = await createTeamWithMembers(db);
    const expired = await inviteOne(ctx, "race-expired@example.com");
    await db.$executeRaw`UPDATE "Invitation" SET "expiresAt" = now() - interval '1 second' WHERE "id" = ${expired.id}::uuid`;
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        inviteMembers(asActor(ctx.admin), ctx.ref, { emails: "race-expired@example.com", roleId: ctx.roles.member.id }),
      ),
    );
    const outcomes = results.map((result) => (result.ok ? result.results[0]!.outcome : result.code));
    expect(outcomes.filter((outcome) => outcome === "invited")).toHaveLength(1);
    expect(
      await db.invitation.count({
        where: { teamId: ctx.team.id, emailCanonical: "race-expired@example.com", status: "PENDING" },
      }),
    ).toBe(1);
  });
});

describe(`expiry reminders (${engine})`, () => {
  it("one reminder per send, two days before expiry, only while pending and only where the team wants them", async () => {
    const ctx = await createTeamWithMembers(db);
    const due = await inviteOne(ctx, "remind-me@example.com");
    const notYet = await inviteOne(ctx, "not-yet@example.com");
    const shortLived = await inviteOne(ctx, "short-lived@example.com");
    const withdrawn = await inviteOne(ctx, "withdrawn-remind@example.com");
    await age(due.id, 5, 40);
    await age(notYet.id, 1, 24 * 5);
    await age(shortLived.id, 0, 40); // sent 0 days ago with 40 hours left: a two-day lifetime gets no reminder
    await age(withdrawn.id, 5, 40);
    await withdrawInvitation(asActor(ctx.admin), ctx.ref, withdrawn.id);
    await deliverQueuedEmails();

    await queueExpiryReminders();
    await queueExpiryReminders();
    expect(
      (
        await db.emailOutbox.findMany({ where: { kind: "invitation_reminder", invitation: { teamId: ctx.team.id } } })
      ).map((row) => row.invitationId),
    ).toEqual([due.id]);
    expect(await db.auditEvent.count({ where: { targetId: due.id, action: "invitation.reminder_queued" } })).toBe(1);

    expect(await deliverQueuedEmails()).toMatchObject({ sent: 1 });
    const [mail] = await db.mailboxMessage.findMany({
      where: { to: "remind-me@example.com" },
      orderBy: { createdAt: "desc" },
      take: 1,
    });
    expect(mail!.subject).toMatch(/^Reminder: /);
    expect(mail!.html).toContain(`/invite/${due.token}`);

    // A resend starts a new lifetime, which gets its own reminder when it comes near its end.
    await resendInvitation(asActor(ctx.admin), ctx.ref, due.id);
    await queueExpiryReminders();
    expect(await outboxOf(due.id, "invitation_reminder")).toHaveLength(1);
    await age(due.id, 5, 40);
    await queueExpiryReminders();
    expect(await outboxOf(due.id, "invitation_reminder")).toHaveLength(2);

    // Reminders off: nothing queued.
    const quiet = await createTeamWithMembers(db);
    await db.team.update({ where: { id: quiet.team.id }, data: { remindBeforeExpiry: false } });
    const quietOne = await inviteOne(quiet, "quiet@example.com");
    await age(quietOne.id, 5, 40);
    await queueExpiryReminders();
    expect(await outboxOf(quietOne.id, "invitation_reminder")).toHaveLength(0);
  });

  it("a queued reminder is skipped when the invitation stops being pending before it goes out", async () => {
    const ctx = await createTeamWithMembers(db);
    const { id } = await inviteOne(ctx, "withdrawn-late@example.com");
    await age(id, 5, 40);
    await deliverQueuedEmails();
    await queueExpiryReminders();
    await withdrawInvitation(asActor(ctx.admin), ctx.ref, id);
    await deliverQueuedEmails();
    expect(await outboxOf(id, "invitation_reminder")).toMatchObject([
      { status: "SKIPPED", lastError: "Invitation is withdrawn" },
    ]);
    expect(
      await db.mailboxMessage.count({
        where: { to: "withdrawn-late@example.com", subject: { startsWith: "Reminder" } },
      }),
    ).toBe(0);
  });

  it(`two sweepers and two senders racing send each reminder exactly once (${engine})`, async () => {
    const ctx = await createTeamWithMembers(db);
    const invited = await inviteMembers(asActor(ctx.admin), ctx.ref, {
      emails: Array.from({ length: 40 }, (_, index) => `race-remind-${index}@example.com`).join("\n"),
      roleId: ctx.roles.member.id,
    });
    const ids = invited.ok ? invited.results.map((result) => result.invitationId!) : [];
    expect(ids).toHaveLength(40);
    await db.$executeRaw`
      UPDATE "Invitation" SET "lastSentAt" = now() - interval '5 days', "expiresAt" = now() + interval '40 hours' WHERE "id" = ANY(${ids}::uuid[])`;
    await deliverQueuedEmails();

    // Small batches, so the two sweepers' claims interleave over the same rows.
    const sweeps = await Promise.all([
      queueExpiryReminders({ limit: 7 }),
      queueExpiryReminders({ limit: 7 }),
      queueExpiryReminders({ limit: 7 }),
      queueExpiryReminders({ limit: 7 }),
    ]);
    let total = sweeps.reduce((sum, count) => sum + count, 0);
    for (let round = 0; round < 20 && total < 40; round += 1) {
      const more = await Promise.all([queueExpiryReminders({ limit: 7 }), queueExpiryReminders({ limit: 7 })]);
      total += more.reduce((sum, count) => sum + count, 0);
    }
    expect(total).toBe(40);
    await Promise.all([queueExpiryReminders(), queueExpiryReminders()]);
    const rows = await db.emailOutbox.findMany({
      where: { kind: "invitation_reminder", invitationId: { in: ids } },
      select: { invitationId: true },
    });
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((row) => row.invitationId)).size).toBe(40);
    expect(await db.auditEvent.count({ where: { targetId: { in: ids }, action: "invitation.reminder_queued" } })).toBe(
      40,
    );

    await Promise.all([
      deliverQueuedEmails({ limit: 13 }),
      deliverQueuedEmails({ limit: 13 }),
      deliverQueuedEmails({ limit: 13 }),
    ]);
    await Promise.all([deliverQueuedEmails(), deliverQueuedEmails()]);
    const mails = await db.mailboxMessage.findMany({
      where: { to: { startsWith: "race-remind-" }, subject: { startsWith: "Reminder" } },
      select: { to: true },
    });
    expect(mails).toHaveLength(40);
    expect(new Set(mails.map((mail) => mail.to)).size).toBe(40);
  });
});
