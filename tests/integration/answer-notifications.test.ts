import { describe, expect, it, vi } from "vitest";
import { asActor, createTeamWithMembers, createUser } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

vi.hoisted(() => {
  process.env.RESEND_API_KEY = "";
});

const { deliverQueuedEmails } = await import("@/lib/email/deliver-queued-emails");
const { acceptInvitationByToken } = await import("@/lib/invitations/accept-invitation-by-token");
const { declineInvitationByToken } = await import("@/lib/invitations/decline-invitation-by-token");
const { getInvitationLink } = await import("@/lib/invitations/get-invitation-link");
const { inviteMembers } = await import("@/lib/invitations/invite-members");
const { signUpFromInvitation } = await import("@/lib/invitations/sign-up-from-invitation");
const { withdrawInvitation } = await import("@/lib/invitations/withdraw-invitation");
const { queueAnswerNotificationsSql } = await import("@/lib/invitations/queue-answer-notifications");
const { Prisma } = await import("@/lib/generated/prisma/client");

const { db, engine } = getTestDatabase();
type Ctx = Awaited<ReturnType<typeof createTeamWithMembers>>;

async function inviteOne(ctx: Ctx, inviter: { id: string }, email: string, language: "en" | "fr" = "en") {
  const result = await inviteMembers(asActor(inviter), ctx.ref, {
    emails: email,
    roleId: ctx.roles.member.id,
    language,
  });
  if (!result.ok) throw new Error(result.error);
  const id = result.results[0]!.invitationId!;
  const link = await getInvitationLink(asActor(inviter), ctx.ref, id);
  if (!link.ok) throw new Error(link.error);
  return { id, token: link.url.split("/invite/")[1]! };
}

const notifications = (invitationId: string) =>
  db.emailOutbox.findMany({
    where: { invitationId, kind: "invitation_answered" },
    select: { to: true, payload: true, idempotencyKey: true },
    orderBy: { to: "asc" },
  });

/** Sends what is queued to the local mailbox and returns the answer emails for this invitation's invitee. */
async function deliveredAbout(invitee: string) {
  await deliverQueuedEmails();
  const messages = await db.mailboxMessage.findMany({ orderBy: { to: "asc" } });
  return messages.filter((message) => message.subject.includes(invitee));
}

type PlanNode = { "Relation Name"?: string; "Actual Rows"?: number; "Actual Loops"?: number; Plans?: PlanNode[] };

/** Rows the notification statement read from Membership for this invitation (EXPLAIN ANALYZE, rolled back). */
async function membershipRowsRead(invitationId: string) {
  const read = (node: PlanNode): number =>
    (node["Relation Name"] === "Membership" ? (node["Actual Rows"] ?? 0) * (node["Actual Loops"] ?? 1) : 0) +
    (node.Plans ?? []).reduce((sum, child) => sum + read(child), 0);
  let rows = 0;
  await db
    .$transaction(async (tx) => {
      const plan = await tx.$queryRaw<Array<{ "QUERY PLAN": Array<{ Plan: PlanNode }> | string }>>`
        EXPLAIN (ANALYZE, FORMAT JSON)
        WITH closed AS (SELECT * FROM "Invitation" WHERE "id" = ${invitationId}::uuid)
        ${queueAnswerNotificationsSql(Prisma.sql`closed`, "accepted", null)}`;
      const json = plan[0]!["QUERY PLAN"];
      rows = read((typeof json === "string" ? JSON.parse(json) : json)[0].Plan);
      throw new Error("roll back");
    })
    .catch((error: Error) => {
      if (error.message !== "roll back") throw error;
    });
  return rows;
}

describe(`answer notifications (${engine})`, () => {
  it("reads the team's members only when the setting asks to tell every admin", async () => {
    const ctx = await createTeamWithMembers(db);
    const role = ctx.roles.member.id;
    const others = await Promise.all(
      Array.from({ length: 30 }, (_, i) => createUser(db, { email: `bystander-${i}-${ctx.team.slug}@example.com` })),
    );
    await db.membership.createMany({ data: others.map((u) => ({ teamId: ctx.team.id, userId: u.id, roleId: role })) });
    const { id } = await inviteOne(ctx, ctx.admin, "large-team@example.com");

    // The inviter's own membership, and nothing else.
    expect(await membershipRowsRead(id)).toBe(1);
    await db.team.update({ where: { id: ctx.team.id }, data: { notifyAdminsOnAnswer: true } });
    expect(await membershipRowsRead(id)).toBeGreaterThan(30);
  });

  it("the setting is off by default; then only the inviter is told, once, in their language", async () => {
    const ctx = await createTeamWithMembers(db);
    expect((await db.team.findUniqueOrThrow({ where: { id: ctx.team.id } })).notifyAdminsOnAnswer).toBe(false);
    await db.user.update({ where: { id: ctx.admin.id }, data: { language: "fr" } });
    const invitee = await createUser(db, { email: "ada-accepts@example.com" });
    const { id, token } = await inviteOne(ctx, ctx.admin, invitee.email);

    expect(await acceptInvitationByToken(asActor(invitee), token)).toMatchObject({ ok: true, alreadyMember: false });
    // Repeating the accept is the same success again, and queues nothing more.
    expect(await acceptInvitationByToken(asActor(invitee), token)).toMatchObject({ ok: true, alreadyMember: true });

    const queued = await notifications(id);
    expect(queued).toEqual([
      {
        to: ctx.admin.email,
        payload: { answer: "accepted", recipientId: ctx.admin.id },
        idempotencyKey: `invitation/${id}/answered/${ctx.admin.id}`,
      },
    ]);
    const [email, ...others] = await deliveredAbout(invitee.email);
    expect(others).toEqual([]);
    expect(email!.to).toBe(ctx.admin.email);
    expect(email!.subject).toContain("a accepté l’invitation");
    expect(email!.html).toContain('lang="fr"');
    expect(email!.text).toContain("avec le rôle Membre");
    // The team's activity records the answer as before.
    expect(
      await db.auditEvent.count({ where: { targetId: id, action: "invitation.accepted", actorId: invitee.id } }),
    ).toBe(1);
  });

  it("with notifyAdminsOnAnswer on, every holder of members.manage is told once, members and the invitee never", async () => {
    const ctx = await createTeamWithMembers(db);
    await db.team.update({ where: { id: ctx.team.id }, data: { notifyAdminsOnAnswer: true } });
    // A second admin, and an invitee who already holds an admin account elsewhere in the team.
    const secondAdmin = await createUser(db);
    await db.membership.create({ data: { teamId: ctx.team.id, userId: secondAdmin.id, roleId: ctx.roles.admin.id } });
    const invitee = await createUser(db, { email: "grace-accepts@example.com" });
    const { id, token } = await inviteOne(ctx, ctx.admin, invitee.email);

    expect(await acceptInvitationByToken(asActor(invitee), token)).toMatchObject({ ok: true });
    const queued = await notifications(id);
    expect(queued.map((row) => row.to).sort()).toEqual([ctx.owner.email, ctx.admin.email, secondAdmin.email].sort());
    expect(queued.map((row) => row.to)).not.toContain(ctx.member.email);
    expect(queued.map((row) => row.to)).not.toContain(invitee.email);
    // The new member now holds no members.manage anyway; an invitee who is an admin of the team (re-invited) is skipped by address.
    const delivered = await deliveredAbout(invitee.email);
    expect(delivered.map((message) => message.to).sort()).toEqual(
      [ctx.owner.email, ctx.admin.email, secondAdmin.email].sort(),
    );
  });

  it("an invitee who became an admin meanwhile, declining signed out with the link, is not notified of their own answer", async () => {
    const ctx = await createTeamWithMembers(db);
    await db.team.update({ where: { id: ctx.team.id }, data: { notifyAdminsOnAnswer: true } });
    await db.membership.delete({ where: { teamId_userId: { teamId: ctx.team.id, userId: ctx.admin.id } } });
    const { id, token } = await inviteOne(ctx, ctx.owner, ctx.admin.email);
    await db.membership.create({ data: { teamId: ctx.team.id, userId: ctx.admin.id, roleId: ctx.roles.admin.id } });
    expect(await declineInvitationByToken(null, token)).toMatchObject({ ok: true });
    expect((await notifications(id)).map((row) => row.to)).toEqual([ctx.owner.email]);
  });

  it("a decline shows its reason as text: markup is escaped and links are defused", async () => {
    const ctx = await createTeamWithMembers(db);
    const { id, token } = await inviteOne(ctx, ctx.admin, "lin-declines@example.com");
    const reason = `<a href="//evil.example">click</a> & <script>alert(1)</script>`;
    expect(await declineInvitationByToken(null, token, { reason })).toMatchObject({ ok: true });
    expect((await notifications(id)).map((row) => row.payload)).toEqual([
      { answer: "declined", recipientId: ctx.admin.id },
    ]);

    const [email] = await deliveredAbout("lin-declines@example.com");
    expect(email!.subject).toContain("declined the invitation");
    expect(email!.html).toContain("&lt;a href=");
    expect(email!.html).toContain("&lt;script&gt;");
    expect(email!.html).not.toContain("<script>");
    expect(email!.html).not.toMatch(/<a [^>]*evil/);
    expect(email!.text).toContain("Their reason:");
    expect(await db.auditEvent.count({ where: { targetId: id, action: "invitation.declined" } })).toBe(1);
  });

  it("one delivery sends many answers, each in its recipient's language and about its own invitation", async () => {
    const french = await createTeamWithMembers(db);
    const english = await createTeamWithMembers(db);
    await db.user.update({ where: { id: french.admin.id }, data: { language: "fr" } });
    const answered = [];
    for (const [index, ctx] of [french, english, french, english].entries()) {
      const { id, token } = await inviteOne(ctx, ctx.admin, `batch-${index}-answers@example.com`);
      const result =
        index % 2 === 0
          ? await declineInvitationByToken(null, token, { reason: `Reason ${index} & <more> "quoted"` })
          : await acceptInvitationByToken(
              asActor(await createUser(db, { email: `batch-${index}-answers@example.com` })),
              token,
            );
      expect(result).toMatchObject({ ok: true });
      answered.push({ id, ctx });
    }
    // Rows our queue never writes: an id that is no UUID reads as an unknown recipient, an unknown answer is skipped.
    await db.emailOutbox.updateMany({
      where: { invitationId: answered[2]!.id, kind: "invitation_answered" },
      data: { payload: { answer: "declined", recipientId: "not-a-uuid" } },
    });
    await db.emailOutbox.updateMany({
      where: { invitationId: answered[3]!.id, kind: "invitation_answered" },
      data: { payload: { answer: "maybe", recipientId: english.admin.id } },
    });

    const delivered = await deliveredAbout("-answers@example.com");
    const about = (index: number) => delivered.filter((email) => email.subject.includes(`batch-${index}-answers@`));
    expect(about(0).map((email) => [email.to, email.subject])).toEqual([
      [french.admin.email, `batch-0-answers@example.com a refusé l’invitation à rejoindre ${french.team.name}`],
    ]);
    expect(about(0)[0]!.text).toContain(`Reason 0 & <more> "quoted"`);
    expect(about(0)[0]!.html).toContain("Reason 0 &amp; &lt;more&gt; &quot;quoted&quot;");
    expect(about(1).map((email) => [email.to, email.subject])).toEqual([
      [english.admin.email, `batch-1-answers@example.com accepted the invitation to ${english.team.name}`],
    ]);
    expect(about(2).map((email) => [email.to, email.subject])).toEqual([
      [french.admin.email, `batch-2-answers@example.com declined the invitation to ${french.team.name}`],
    ]);
    expect(about(2)[0]!.text).toContain(`Reason 2 & <more> "quoted"`);
    expect(about(3)).toEqual([]);
    expect(
      await db.emailOutbox.findFirstOrThrow({
        where: { invitationId: answered[3]!.id, kind: "invitation_answered" },
        select: { status: true, lastError: true },
      }),
    ).toEqual({ status: "SKIPPED", lastError: "Unknown answer" });
  });

  it("nothing is queued when the accept fails, nor for a withdrawal", async () => {
    const ctx = await createTeamWithMembers(db);
    const invitee = await createUser(db, { email: "refused@example.com" });
    const { id, token } = await inviteOne(ctx, ctx.admin, invitee.email);
    // The inviter lost the right to grant roles: the accept aborts after the invitation flipped.
    await db.membership.update({
      where: { teamId_userId: { teamId: ctx.team.id, userId: ctx.admin.id } },
      data: { roleId: ctx.roles.member.id },
    });
    expect(await acceptInvitationByToken(asActor(invitee), token)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.invitation.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({
      status: "PENDING",
    });
    expect(await notifications(id)).toEqual([]);

    const other = await inviteOne(ctx, ctx.owner, "withdrawn@example.com");
    expect(await withdrawInvitation(asActor(ctx.owner), ctx.ref, other.id)).toMatchObject({ ok: true });
    expect(await db.emailOutbox.count({ where: { invitationId: other.id, kind: "invitation_answered" } })).toBe(0);
  });

  it("parallel answers (accepts and declines) queue exactly one notification per recipient", async () => {
    const ctx = await createTeamWithMembers(db);
    await db.team.update({ where: { id: ctx.team.id }, data: { notifyAdminsOnAnswer: true } });
    const invitee = await createUser(db, { email: "racer-notified@example.com" });
    const { id, token } = await inviteOne(ctx, ctx.admin, invitee.email);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        index % 2 === 0
          ? acceptInvitationByToken(asActor(invitee), token)
          : declineInvitationByToken(asActor(invitee), token),
      ),
    );
    expect(results.some((result) => result.ok)).toBe(true);
    const queued = await notifications(id);
    expect(queued.map((row) => row.to).sort()).toEqual([ctx.owner.email, ctx.admin.email].sort());
    const answers = new Set(queued.map((row) => (row.payload as { answer: string }).answer));
    expect(answers.size).toBe(1);
  });

  it("sign-up from an invitation keeps the invitation's language for the new account and notifies the inviter", async () => {
    const ctx = await createTeamWithMembers(db);
    const { id, token } = await inviteOne(ctx, ctx.admin, "nouvelle@example.com", "fr");
    expect(await signUpFromInvitation(token, { name: "Nouvelle", password: "un-mot-de-passe-long" })).toMatchObject({
      ok: true,
    });
    expect(
      await db.user.findUniqueOrThrow({
        where: { emailCanonical: "nouvelle@example.com" },
        select: { language: true },
      }),
    ).toEqual({ language: "fr" });
    expect((await notifications(id)).map((row) => row.to)).toEqual([ctx.admin.email]);
  });
});
