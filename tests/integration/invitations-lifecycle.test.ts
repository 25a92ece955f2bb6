import { afterEach, describe, expect, it, vi } from "vitest";
import { env } from "@/lib/env";
import { acceptInvitationByToken } from "@/lib/invitations/accept-invitation-by-token";
import { acceptInvitationById } from "@/lib/invitations/accept-invitation-by-id";
import { acceptPendingInvitation } from "@/lib/invitations/accept-pending-invitation";
import { readAnswerParties } from "@/lib/invitations/read-invitation-to-answer";
import { hashInvitationToken } from "@/lib/crypto/invitation-token";
import { runSqlStatement } from "@/lib/db/run-transaction";
import { declineInvitationByToken } from "@/lib/invitations/decline-invitation-by-token";
import { declineInvitationById } from "@/lib/invitations/decline-invitation-by-id";
import { deleteInvitation } from "@/lib/invitations/delete-invitation";
import { findInvitationByToken } from "@/lib/invitations/find-invitation-by-token";
import { getInvitationLink } from "@/lib/invitations/get-invitation-link";
import { getTeamInvitation } from "@/lib/invitations/get-team-invitation";
import { inviteMembers } from "@/lib/invitations/invite-members";
import { countReceivedInvitations } from "@/lib/invitations/count-received-invitations";
import { listReceivedInvitations } from "@/lib/invitations/list-received-invitations";
import { readInvitationDtos } from "@/lib/invitations/read-invitation-dtos";
import { resendInvitation } from "@/lib/invitations/resend-invitation";
import { resetInvitationLink } from "@/lib/invitations/reset-invitation-link";
import { signUpFromInvitation } from "@/lib/invitations/sign-up-from-invitation";
import { updateInvitation } from "@/lib/invitations/update-invitation";
import { withdrawInvitation } from "@/lib/invitations/withdraw-invitation";
import { asActor, createTeamWithMembers, createUser } from "../helpers/factories";
import { startWithinOneWindow } from "../helpers/rate-limit-window";
import { getTestDatabase } from "../helpers/test-database";

const { db, engine } = getTestDatabase();

const DAY = 24 * 3600 * 1000;

/**
 * Moves this process's wall clock away from the database's: expiry must follow the database.
 * Only on PostgreSQL: PGlite runs inside this process and reads the same (faked) clock.
 */
function skewAppClock(ms: number) {
  if (engine !== "postgres") return;
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + ms);
}
afterEach(() => {
  vi.useRealTimers();
});

/** Sets expiry relative to the database clock, never the test process's. */
const expireIn = (id: string, seconds: number) =>
  db.$executeRaw`UPDATE "Invitation" SET "expiresAt" = now() + make_interval(secs => ${seconds}::int) WHERE "id" = ${id}::uuid`;

async function inviteOne(
  ctx: Awaited<ReturnType<typeof createTeamWithMembers>>,
  email: string,
  roleKey: "admin" | "member" = "member",
) {
  const result = await inviteMembers(asActor(ctx.admin), ctx.ref, { emails: email, roleId: ctx.roles[roleKey].id });
  if (!result.ok) throw new Error(result.error);
  const invited = result.results.find((r) => r.outcome === "invited");
  if (!invited?.invitationId) throw new Error(`not invited: ${JSON.stringify(result.results)}`);
  const link = await getInvitationLink(asActor(ctx.admin), ctx.ref, invited.invitationId);
  if (!link.ok) throw new Error(link.error);
  return { id: invited.invitationId, token: link.url.split("/invite/")[1]!, url: link.url };
}

describe("invite", () => {
  it("invites a pasted list and reports every address", async () => {
    const ctx = await createTeamWithMembers(db);
    await inviteOne(ctx, "pending@example.com");
    const result = await inviteMembers(asActor(ctx.admin), ctx.ref, {
      emails: `new1@example.com, New2@Example.com;\n${ctx.member.email}\tpending@example.com\nnot-an-email\nnew1@example.com`,
      roleId: ctx.roles.member.id,
      groupIds: [ctx.groups[0]!.id],
      language: "fr",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.results.map((r) => r.outcome)).toEqual([
      "invited",
      "invited",
      "already_member",
      "already_invited",
      "invalid",
      "duplicate",
    ]);
    expect(result.counts).toMatchObject({ invited: 2, skipped: 4, alreadyMember: 1, alreadyInvited: 1 });
    expect(result.summary).toBe(
      "2 invitations sent, 4 skipped: 1 already a member, 1 already invited, 1 not a valid address, 1 listed twice",
    );

    const stored = await db.invitation.findFirstOrThrow({
      where: { teamId: ctx.team.id, emailCanonical: "new2@example.com" },
      include: { groups: true },
    });
    expect(stored).toMatchObject({
      email: "New2@example.com",
      status: "PENDING",
      language: "fr",
      sendCount: 1,
      deliveryStatus: "QUEUED",
    });
    expect(stored.groups.map((g) => g.groupId)).toEqual([ctx.groups[0]!.id]);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.tokenSealed).not.toContain("tgi_");
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(7 * 24 * 3600 * 1000);

    const outbox = await db.emailOutbox.findMany({ where: { invitationId: stored.id } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      to: "New2@example.com",
      idempotencyKey: `invitation/${stored.id}/send/1`,
      status: "PENDING",
    });
    expect(JSON.stringify(outbox[0]!.payload)).not.toContain("tgi_");
    const audit = await db.auditEvent.findMany({ where: { targetId: stored.id } });
    expect(audit.map((e) => e.action)).toEqual(["invitation.created"]);
  });

  it("refuses a role above the inviter's own and changes nothing", async () => {
    const ctx = await createTeamWithMembers(db);
    const before = await db.invitation.count();
    const result = await inviteMembers(asActor(ctx.admin), ctx.ref, {
      emails: "boss@example.com",
      roleId: ctx.roles.owner.id,
    });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.invitation.count()).toBe(before);
  });

  it("refuses another team's role, unknown groups and bad input with field errors", async () => {
    const ctx = await createTeamWithMembers(db);
    const other = await createTeamWithMembers(db);
    expect(
      await inviteMembers(asActor(ctx.admin), ctx.ref, { emails: "x@example.com", roleId: other.roles.member.id }),
    ).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { roleId: ["Unknown role"] },
    });
    expect(
      await inviteMembers(asActor(ctx.admin), ctx.ref, {
        emails: "x@example.com",
        roleId: ctx.roles.member.id,
        groupIds: [other.groups[0]!.id],
      }),
    ).toMatchObject({ ok: false, code: "INVALID" });
    expect(
      await inviteMembers(asActor(ctx.admin), ctx.ref, { emails: "  ", roleId: ctx.roles.member.id }),
    ).toMatchObject({ ok: false, code: "INVALID" });
    expect(
      await inviteMembers(asActor(ctx.admin), ctx.ref, {
        emails: "x@example.com",
        roleId: ctx.roles.member.id,
        language: "xx" as "en",
      }),
    ).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { language: expect.any(Array) } });
    const tooMany = Array.from({ length: 501 }, (_, i) => `u${i}@example.com`);
    expect(
      await inviteMembers(asActor(ctx.admin), ctx.ref, { emails: tooMany, roleId: ctx.roles.member.id }),
    ).toMatchObject({ ok: false, code: "INVALID" });
    expect(await db.invitation.count({ where: { teamId: ctx.team.id } })).toBe(0);
  });

  it("rejects addresses outside the team's allowed domains", async () => {
    const ctx = await createTeamWithMembers(db, { allowedDomains: ["acme.test"] });
    const result = await inviteMembers(asActor(ctx.admin), ctx.ref, {
      emails: "a@acme.test b@eu.acme.test c@evil.test",
      roleId: ctx.roles.member.id,
    });
    expect(result.ok && result.results.map((r) => r.outcome)).toEqual(["invited", "invited", "domain_not_allowed"]);
  });

  it("stops at the team's hourly limit with when to retry, creating nothing", async () => {
    const ctx = await createTeamWithMembers(db);
    const first = await inviteMembers(asActor(ctx.admin), ctx.ref, {
      emails: Array.from({ length: 90 }, (_, i) => `batch${i}@example.com`),
      roleId: ctx.roles.member.id,
    });
    expect(first).toMatchObject({ ok: true, counts: { invited: 90 } });
    const second = await inviteMembers(asActor(ctx.owner), ctx.ref, {
      emails: Array.from({ length: 11 }, (_, i) => `more${i}@example.com`),
      roleId: ctx.roles.member.id,
    });
    expect(second).toMatchObject({ ok: false, code: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) });
    expect(await db.invitation.count({ where: { teamId: ctx.team.id } })).toBe(90);
    const fits = await inviteMembers(asActor(ctx.owner), ctx.ref, {
      emails: Array.from({ length: 10 }, (_, i) => `fit${i}@example.com`),
      roleId: ctx.roles.member.id,
    });
    expect(fits).toMatchObject({ ok: true, counts: { invited: 10 } });
  });

  it("limits how many invitations one address receives per hour across all teams, resends included", async () => {
    const limit = env.INVITES_PER_RECIPIENT_PER_HOUR;
    await startWithinOneWindow(db, 3600, 25);
    const sent: Array<{ ctx: Awaited<ReturnType<typeof createTeamWithMembers>>; id: string }> = [];
    for (let i = 0; i < limit; i += 1) {
      const ctx = await createTeamWithMembers(db);
      sent.push({
        ctx,
        ...(await inviteOne(ctx, i % 2 ? "Popular.Recipient@example.com" : "popular.recipient@EXAMPLE.com")),
      });
    }
    const next = await createTeamWithMembers(db);
    const refused = await inviteMembers(asActor(next.admin), next.ref, {
      emails: "bystander@example.com popular.recipient@example.com",
      roleId: next.roles.member.id,
    });
    expect(refused).toMatchObject({
      ok: false,
      code: "RATE_LIMITED",
      retryAfterSeconds: expect.any(Number),
      error: expect.stringContaining("popular.recipient@example.com"),
    });
    expect(await db.invitation.count({ where: { teamId: next.team.id } })).toBe(0);
    // The refused request rolled back: the bystander's unit was not used.
    expect(
      await inviteMembers(asActor(next.admin), next.ref, {
        emails: "bystander@example.com",
        roleId: next.roles.member.id,
      }),
    ).toMatchObject({ ok: true, counts: { invited: 1 } });

    const { ctx, id } = sent[0]!;
    expect(await resendInvitation(asActor(ctx.admin), ctx.ref, id)).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(await db.invitation.findUniqueOrThrow({ where: { id } })).toMatchObject({ sendCount: 1 });
  }, 90_000);

  it("counts members and pending invitations against a seat limit", async () => {
    const ctx = await createTeamWithMembers(db, { seatLimit: 5 });
    const result = await inviteMembers(asActor(ctx.admin), ctx.ref, {
      emails: "s1@example.com s2@example.com s3@example.com",
      roleId: ctx.roles.member.id,
    });
    expect(result).toMatchObject({ ok: false, code: "LIMIT_REACHED" });
    expect(
      await inviteMembers(asActor(ctx.admin), ctx.ref, {
        emails: "s1@example.com s2@example.com",
        roleId: ctx.roles.member.id,
      }),
    ).toMatchObject({ ok: true });
  });
});

describe("accept and decline", () => {
  it("accepts with the token and the invited account: membership with role and groups", async () => {
    const ctx = await createTeamWithMembers(db);
    const invitee = await createUser(db, { email: "Invitee.One@Example.com" });
    const result = await inviteMembers(asActor(ctx.admin), ctx.ref, {
      emails: "invitee.one@example.com",
      roleId: ctx.roles.admin.id,
      groupIds: ctx.groups.map((g) => g.id),
    });
    const id = result.ok ? result.results[0]!.invitationId! : "";
    const link = await getInvitationLink(asActor(ctx.admin), ctx.ref, id);
    const token = link.ok ? link.url.split("/invite/")[1]! : "";

    expect(await findInvitationByToken(token)).toMatchObject({
      state: "PENDING",
      role: { name: "Admin" },
      accountExists: true,
    });
    const accepted = await acceptInvitationByToken(asActor(invitee), token);
    expect(accepted).toMatchObject({
      ok: true,
      alreadyMember: false,
      team: { slug: ctx.team.slug },
      role: { name: "Admin" },
    });
    const membership = await db.membership.findUniqueOrThrow({
      where: { teamId_userId: { teamId: ctx.team.id, userId: invitee.id } },
      include: { groups: true, role: true },
    });
    expect(membership.role.key).toBe("admin");
    expect(membership.groups).toHaveLength(2);
    const events = await db.auditEvent.findMany({
      where: { teamId: ctx.team.id, actorId: invitee.id },
      orderBy: { action: "asc" },
    });
    expect(events).toMatchObject([
      {
        action: "invitation.accepted",
        targetType: "invitation",
        targetId: id,
        metadata: { email: "invitee.one@example.com", role: "Admin", alreadyMember: false },
      },
      {
        action: "member.joined",
        targetType: "membership",
        targetId: membership.id,
        metadata: { role: "Admin", invitationId: id },
      },
    ]);
    expect(await findInvitationByToken(token)).toMatchObject({ state: "ACCEPTED" });
    // Idempotent for the same person; dead for anything else.
    expect(await acceptInvitationByToken(asActor(invitee), token)).toMatchObject({ ok: true, alreadyMember: true });
    expect(await declineInvitationByToken(null, token)).toMatchObject({ ok: false, code: "GONE" });
  });

  it("refuses the wrong account and changes nothing", async () => {
    const ctx = await createTeamWithMembers(db);
    const { token } = await inviteOne(ctx, "right@example.com");
    const wrong = await createUser(db, { email: "wrong@example.com" });
    expect(await acceptInvitationByToken(asActor(wrong), token)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      error: "This invitation is for right@example.com; you are signed in as wrong@example.com.",
    });
    expect(await db.membership.count({ where: { userId: wrong.id } })).toBe(0);
    expect(await findInvitationByToken(token)).toMatchObject({ state: "PENDING" });
    expect(await acceptInvitationByToken(null, token)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });

  it("answers unknown, malformed and expired tokens clearly and changes nothing, judging expiry by the database clock", async () => {
    const ctx = await createTeamWithMembers(db);
    const user = await createUser(db, { email: "late@example.com" });
    const { id, token } = await inviteOne(ctx, "late@example.com");
    await expireIn(id, -1);
    // The app server's clock runs a day behind: by its own watch the invitation is still valid.
    skewAppClock(-DAY);
    expect(await findInvitationByToken(token)).toMatchObject({ state: "EXPIRED" });
    expect(await countReceivedInvitations(user)).toBe(0);
    expect(await listReceivedInvitations(asActor(user), { limit: 200 }, readInvitationDtos)).toMatchObject({
      ok: true,
      invitations: [],
    });
    expect(await acceptInvitationByToken(asActor(user), token)).toMatchObject({
      ok: false,
      code: "GONE",
      error: expect.stringContaining("expired"),
    });
    expect(await declineInvitationByToken(null, token)).toMatchObject({ ok: false, code: "GONE" });
    expect(await acceptInvitationByToken(asActor(user), `tgi_${"A".repeat(43)}`)).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await acceptInvitationByToken(asActor(user), "garbage")).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await findInvitationByToken("garbage")).toEqual({ state: "invalid" });
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.invitation.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PENDING" });
  });

  it("keeps an invitation valid until the database clock says otherwise, whatever the app server's clock says", async () => {
    const ctx = await createTeamWithMembers(db);
    const user = await createUser(db, { email: "early@example.com" });
    const { id, token } = await inviteOne(ctx, "early@example.com");
    await expireIn(id, 3600);
    skewAppClock(2 * DAY);
    expect(await findInvitationByToken(token)).toMatchObject({ state: "PENDING" });
    expect(await countReceivedInvitations(user)).toBe(1);
    expect(await updateInvitation(asActor(ctx.admin), ctx.ref, id, { language: "fr" })).toMatchObject({ ok: true });
    const rows = await db.$queryRaw<Array<{ drift: number }>>`
      SELECT abs(extract(epoch FROM ("updatedAt" - now())))::float AS drift FROM "Invitation" WHERE "id" = ${id}::uuid`;
    expect(rows[0]!.drift).toBeLessThan(60);
    expect(await acceptInvitationByToken(asActor(user), token)).toMatchObject({ ok: true });
  });

  it("says so when the invitee is already a member, and consumes the invitation", async () => {
    const ctx = await createTeamWithMembers(db);
    const { token, id } = await inviteOne(ctx, "twice@example.com");
    const user = await createUser(db, { email: "twice@example.com" });
    await db.membership.create({ data: { teamId: ctx.team.id, userId: user.id, roleId: ctx.roles.member.id } });
    expect(await acceptInvitationByToken(asActor(user), token)).toMatchObject({ ok: true, alreadyMember: true });
    expect((await db.invitation.findUniqueOrThrow({ where: { id } })).status).toBe("ACCEPTED");
  });

  it("re-checks the role at accept: a demoted inviter's invitation grants nothing", async () => {
    const ctx = await createTeamWithMembers(db);
    const { token } = await inviteOne(ctx, "escalate@example.com", "admin");
    await db.membership.update({
      where: { teamId_userId: { teamId: ctx.team.id, userId: ctx.admin.id } },
      data: { roleId: ctx.roles.member.id },
    });
    const user = await createUser(db, { email: "escalate@example.com" });
    expect(await acceptInvitationByToken(asActor(user), token)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
  });

  it("writes nothing when the invitation changed after the invitee's read, and the next read grants the edit", async () => {
    const ctx = await createTeamWithMembers(db);
    const { id, token } = await inviteOne(ctx, "edited-meanwhile@example.com");
    const user = await createUser(db, { email: "edited-meanwhile@example.com" });
    const target = { by: "token", tokenHash: hashInvitationToken(token) } as const;
    const { invitation } = await readAnswerParties(user.id, target);

    // An admin edits the role and the groups between the invitee's read and the write.
    const edited = await updateInvitation(asActor(ctx.admin), ctx.ref, id, {
      roleId: ctx.roles.admin.id,
      groupIds: [ctx.groups[0]!.id],
    });
    expect(edited).toMatchObject({ ok: true });
    const stale = await runSqlStatement((sql) => acceptPendingInvitation(sql, user.id, invitation!, target));
    expect(stale).toBeNull();
    expect((await db.invitation.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { invitationId: id, kind: "invitation_answered" } })).toBe(0);
    expect(await db.auditEvent.count({ where: { teamId: ctx.team.id, actorId: user.id } })).toBe(0);

    expect(await acceptInvitationByToken(asActor(user), token)).toMatchObject({ ok: true, role: { name: "Admin" } });
    const membership = await db.membership.findUniqueOrThrow({
      where: { teamId_userId: { teamId: ctx.team.id, userId: user.id } },
      include: { groups: true, role: true },
    });
    expect(membership.role.key).toBe("admin");
    expect(membership.groups.map((g) => g.groupId)).toEqual([ctx.groups[0]!.id]);
  });

  it("writes nothing when the inviter's role changed after the invitee's read, and the next read refuses", async () => {
    const ctx = await createTeamWithMembers(db);
    const { id } = await inviteOne(ctx, "inviter-changed@example.com", "admin");
    const user = await createUser(db, { email: "inviter-changed@example.com" });
    const target = { by: "id", id } as const;
    const { invitation } = await readAnswerParties(user.id, target);

    // The inviter's own role loses members.manage between the read and the write.
    await db.role.update({ where: { id: ctx.roles.admin.id }, data: { permissions: ["members.read"] } });
    const stale = await runSqlStatement((sql) => acceptPendingInvitation(sql, user.id, invitation!, target));
    expect(stale).toBeNull();
    expect((await db.invitation.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);

    expect(await acceptInvitationById(asActor(user), id)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
  });

  it("declines with a reason the admins can read; no membership", async () => {
    const ctx = await createTeamWithMembers(db);
    const { token, id } = await inviteOne(ctx, "nope@example.com");
    expect(await declineInvitationByToken(null, token, { reason: "Wrong team" })).toMatchObject({ ok: true });
    const details = await getTeamInvitation(asActor(ctx.admin), ctx.ref, id);
    expect(details).toMatchObject({ ok: true, invitation: { status: "DECLINED", declineReason: "Wrong team" } });
    expect(details.ok && details.history.map((h) => h.action)).toEqual([
      "invitation.created",
      "invitation.link_copied",
      "invitation.declined",
    ]);
    expect(await declineInvitationByToken(null, token, { reason: "x".repeat(501) })).toMatchObject({
      ok: false,
      code: "INVALID",
    });
  });

  it("answering by id (no token) needs a verified address; the link still works for the inbox's owner", async () => {
    const ctx = await createTeamWithMembers(db);
    const unverified = await createUser(db, { email: "unverified@example.com", verified: false });
    const { id, token } = await inviteOne(ctx, "unverified@example.com");
    const auditBefore = await db.auditEvent.count({ where: { targetId: id } });

    expect(await acceptInvitationById(asActor(unverified), id)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      error: expect.stringContaining("Confirm your email"),
    });
    expect(await declineInvitationById(asActor(unverified), id)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.membership.count({ where: { userId: unverified.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { targetId: id } })).toBe(auditBefore);
    expect(await findInvitationByToken(token)).toMatchObject({ state: "PENDING" });

    expect(await acceptInvitationByToken(asActor(unverified), token)).toMatchObject({ ok: true, alreadyMember: false });
  });

  it("accepts by id for a verified account", async () => {
    const ctx = await createTeamWithMembers(db);
    const user = await createUser(db, { email: "verified@example.com" });
    const { id } = await inviteOne(ctx, "verified@example.com");
    expect(await acceptInvitationById(asActor(user), id)).toMatchObject({ ok: true, alreadyMember: false });
    expect(await db.membership.count({ where: { userId: user.id, teamId: ctx.team.id } })).toBe(1);
  });

  it("lists a user's pending invitations across teams", async () => {
    const a = await createTeamWithMembers(db);
    const b = await createTeamWithMembers(db);
    const user = await createUser(db, { email: "popular@example.com" });
    await inviteOne(a, "popular@example.com");
    const second = await inviteOne(b, "Popular@example.com");
    await withdrawInvitation(asActor(b.admin), b.ref, second.id);
    const received = await listReceivedInvitations(asActor(user), { limit: 200 }, readInvitationDtos);
    expect(received.ok && received.invitations.map((i) => i.team.slug)).toEqual([a.team.slug]);
  });
});

describe("sign-up from an invitation", () => {
  const password = "a-long-enough-password";

  it("creates a verified account and its membership together", async () => {
    const ctx = await createTeamWithMembers(db);
    const { token } = await inviteOne(ctx, "Newcomer@Example.com");
    expect(await signUpFromInvitation(token, { name: "New Comer", password })).toMatchObject({
      ok: true,
      email: "Newcomer@example.com",
      team: { slug: ctx.team.slug },
    });
    const user = await db.user.findUniqueOrThrow({ where: { emailCanonical: "newcomer@example.com" } });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await db.membership.count({ where: { userId: user.id, teamId: ctx.team.id } })).toBe(1);
    expect(await signUpFromInvitation(token, { name: "Again", password })).toMatchObject({ ok: false });
  });

  type Ctx = Awaited<ReturnType<typeof createTeamWithMembers>>;
  const cases: Array<[string, string, (ctx: Ctx, id: string) => Promise<void>]> = [
    [
      "withdrawn before sign-up",
      "GONE",
      async (ctx, id) => void (await withdrawInvitation(asActor(ctx.admin), ctx.ref, id)),
    ],
    [
      "expired on the database clock while the app clock lags",
      "GONE",
      async (_ctx, id) => {
        await expireIn(id, -1);
        skewAppClock(-DAY);
      },
    ],
    [
      "sent by an inviter who can no longer grant the role",
      "FORBIDDEN",
      async (ctx) =>
        void (await db.membership.update({
          where: { teamId_userId: { teamId: ctx.team.id, userId: ctx.admin.id } },
          data: { roleId: ctx.roles.member.id },
        })),
    ],
    [
      "for a team with no free seat left",
      "LIMIT_REACHED",
      async (ctx) => void (await db.team.update({ where: { id: ctx.team.id }, data: { seatLimit: 3 } })),
    ],
  ];
  it.each(cases)("leaves no account behind when the invitation was %s", async (_label, code, breakIt) => {
    const ctx = await createTeamWithMembers(db);
    const email = `no-account-${code.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const { id, token } = await inviteOne(ctx, email);
    await breakIt(ctx, id);
    expect(await signUpFromInvitation(token, { name: "Nobody", password })).toMatchObject({ ok: false, code });
    expect(await db.user.count({ where: { emailCanonical: email } })).toBe(0);
    expect(await db.membership.count({ where: { teamId: ctx.team.id } })).toBe(3);
  });

  it("refuses an address that already has an account and creates nothing", async () => {
    const ctx = await createTeamWithMembers(db);
    await createUser(db, { email: "taken@example.com" });
    const { token } = await inviteOne(ctx, "taken@example.com");
    expect(await signUpFromInvitation(token, { name: "Dup", password })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await db.user.count({ where: { emailCanonical: "taken@example.com" } })).toBe(1);
    expect(await findInvitationByToken(token)).toMatchObject({ state: "PENDING" });
  });
});

describe("admin operations", () => {
  it("resend keeps the link, restarts the lifetime and queues a new email; reset link replaces it", async () => {
    const ctx = await createTeamWithMembers(db);
    const { id, token } = await inviteOne(ctx, "again@example.com");
    await expireIn(id, -1);
    const resent = await resendInvitation(asActor(ctx.admin), ctx.ref, id);
    expect(resent).toMatchObject({ ok: true, sendCount: 2 });
    expect(await findInvitationByToken(token)).toMatchObject({ state: "PENDING", replacedAt: null });
    const linkOf = async () => {
      const link = await getInvitationLink(asActor(ctx.admin), ctx.ref, id);
      return link.ok ? link.url.split("/invite/")[1]! : "";
    };
    expect(await linkOf()).toBe(token);
    expect(await db.emailOutbox.count({ where: { invitationId: id } })).toBe(2);

    expect(await resetInvitationLink(asActor(ctx.admin), ctx.ref, id)).toMatchObject({ ok: true, sendCount: 3 });
    const newToken = await linkOf();
    expect(newToken).not.toBe(token);
    expect(await findInvitationByToken(newToken)).toMatchObject({ state: "PENDING", replacedAt: null });
    expect(await findInvitationByToken(token)).toMatchObject({
      state: "PENDING",
      replacedAt: expect.any(Date),
      accountExists: false,
    });
    expect(
      (
        await db.auditEvent.findMany({
          where: { targetId: id, action: { not: "invitation.link_copied" } },
          orderBy: { createdAt: "asc" },
        })
      ).map((e) => e.action),
    ).toEqual(["invitation.created", "invitation.resent", "invitation.link_reset"]);

    expect(await resendInvitation(asActor(ctx.admin), ctx.ref, id)).toMatchObject({ ok: true });
    expect(await resendInvitation(asActor(ctx.admin), ctx.ref, id)).toMatchObject({
      ok: false,
      code: "RATE_LIMITED",
      retryAfterSeconds: expect.any(Number),
    });
    expect(await resetInvitationLink(asActor(ctx.admin), ctx.ref, id)).toMatchObject({
      ok: false,
      code: "RATE_LIMITED",
    });
  });

  it("reviving an expired invitation needs a free seat; a refused resend rolls back and uses none of the hourly limit", async () => {
    const ctx = await createTeamWithMembers(db, { seatLimit: 5 });
    const expired = await inviteOne(ctx, "expired-seat@example.com");
    await db.$executeRaw`UPDATE "Invitation" SET "expiresAt" = now() - interval '1 second' WHERE "id" = ${expired.id}::uuid`;
    const first = await inviteOne(ctx, "seat-a@example.com");
    const second = await inviteOne(ctx, "seat-b@example.com");
    // 3 members + 2 pending = 5 of 5: the expired one holds no seat and may not take one.
    for (let attempt = 0; attempt < env.RESENDS_PER_INVITATION_PER_HOUR + 1; attempt += 1) {
      expect(await resendInvitation(asActor(ctx.admin), ctx.ref, expired.id)).toMatchObject({
        ok: false,
        code: "LIMIT_REACHED",
      });
    }
    expect(await db.rateLimitBucket.count({ where: { key: `resend:${expired.id}` } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { invitationId: expired.id } })).toBe(1);
    expect(await findInvitationByToken(expired.token)).toMatchObject({ state: "EXPIRED" });
    // A pending one keeps its seat, so resending it is fine in a full team.
    expect(await resendInvitation(asActor(ctx.admin), ctx.ref, first.id)).toMatchObject({ ok: true, sendCount: 2 });

    await withdrawInvitation(asActor(ctx.admin), ctx.ref, second.id);
    expect(await resendInvitation(asActor(ctx.admin), ctx.ref, expired.id)).toMatchObject({ ok: true, sendCount: 2 });
  });

  it("withdraw kills the link at once and only works while pending", async () => {
    const ctx = await createTeamWithMembers(db);
    const { id, token } = await inviteOne(ctx, "gone@example.com");
    expect(await withdrawInvitation(asActor(ctx.admin), ctx.ref, id)).toMatchObject({ ok: true });
    expect(await findInvitationByToken(token)).toMatchObject({ state: "WITHDRAWN" });
    const user = await createUser(db, { email: "gone@example.com" });
    expect(await acceptInvitationByToken(asActor(user), token)).toMatchObject({
      ok: false,
      code: "GONE",
      error: expect.stringContaining("withdrawn"),
    });
    expect(await withdrawInvitation(asActor(ctx.admin), ctx.ref, id)).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await resendInvitation(asActor(ctx.admin), ctx.ref, id)).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await getInvitationLink(asActor(ctx.admin), ctx.ref, id)).toMatchObject({ ok: false, code: "CONFLICT" });
    // The address can be invited again once nothing is pending.
    const again = await inviteMembers(asActor(ctx.admin), ctx.ref, {
      emails: "gone@example.com",
      roleId: ctx.roles.member.id,
    });
    expect(again).toMatchObject({ ok: true, counts: { invited: 1 } });
  });

  it("delete removes the invitation and its link; the audit log keeps the event", async () => {
    const ctx = await createTeamWithMembers(db);
    const { id, token } = await inviteOne(ctx, "delete@example.com");
    expect(await deleteInvitation(asActor(ctx.admin), ctx.ref, id)).toMatchObject({ ok: true });
    expect(await db.invitation.findUnique({ where: { id } })).toBeNull();
    expect(await findInvitationByToken(token)).toEqual({ state: "invalid" });
    expect((await db.auditEvent.findMany({ where: { targetId: id } })).map((e) => e.action)).toContain(
      "invitation.deleted",
    );
    expect(await deleteInvitation(asActor(ctx.admin), ctx.ref, id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("edits role, groups and language without a new token, within the hierarchy", async () => {
    const ctx = await createTeamWithMembers(db);
    const { id, token } = await inviteOne(ctx, "edit@example.com");
    expect(
      await updateInvitation(asActor(ctx.admin), ctx.ref, id, {
        roleId: ctx.roles.admin.id,
        language: "fr",
        groupIds: [ctx.groups[1]!.id],
      }),
    ).toMatchObject({ ok: true });
    expect(await findInvitationByToken(token)).toMatchObject({
      state: "PENDING",
      role: { name: "Admin" },
      language: "fr",
    });
    expect(await updateInvitation(asActor(ctx.admin), ctx.ref, id, { roleId: ctx.roles.owner.id })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await updateInvitation(asActor(ctx.admin), ctx.ref, id, { bogus: 1 } as never)).toMatchObject({
      ok: false,
      code: "INVALID",
    });
  });

  it("copy link builds the URL from APP_URL", async () => {
    const ctx = await createTeamWithMembers(db);
    const { url } = await inviteOne(ctx, "link@example.com");
    expect(url).toMatch(/^http:\/\/localhost:3000\/invite\/tgi_[A-Za-z0-9_-]{43}$/);
  });
});
