import { describe, expect, it, vi } from "vitest";
import { asActor, createTeamWithMembers, createUser } from "../helpers/factories";
import { startWithinOneWindow } from "../helpers/rate-limit-window";
import { getTestDatabase } from "../helpers/test-database";

vi.hoisted(() => {
  process.env.RESEND_API_KEY = "";
});

const { createInviteLink } = await import("@/lib/invite-links/create-invite-link");
const { listInviteLinks } = await import("@/lib/invite-links/list-invite-links");
const { revokeInviteLink } = await import("@/lib/invite-links/revoke-invite-link");
const { getInviteLink } = await import("@/lib/invite-links/get-invite-link");
const { getInviteLinkUrl } = await import("@/lib/invite-links/get-invite-link-url");
const { findInviteLinkByToken } = await import("@/lib/invite-links/find-invite-link-by-token");
const { joinTeamByLink } = await import("@/lib/invite-links/join-team-by-link");
const { signUpThroughLink } = await import("@/lib/invite-links/sign-up-through-link");
const { confirmEmailAndJoin } = await import("@/lib/invite-links/confirm-email-and-join");
const { resendEmailVerification } = await import("@/lib/invite-links/resend-email-verification");
const { deliverQueuedEmails } = await import("@/lib/email/deliver-queued-emails");

const { db, engine } = getTestDatabase();
type Ctx = Awaited<ReturnType<typeof createTeamWithMembers>>;
let clients = 0;
const requester = () => ({ clientAddress: `203.0.113.${++clients}`, language: "en" });

async function linkFor(ctx: Ctx, input: Record<string, unknown> = {}, by = ctx.admin) {
  const created = await createInviteLink(asActor(by), ctx.ref, {
    role: ctx.roles.member.id,
    maxUses: 5,
    expiresInDays: 7,
    ...input,
  });
  if (!created.ok) throw new Error(created.error);
  return { id: created.link.id, token: created.url.split("/join/")[1]! };
}

const membership = (ctx: Ctx, userId: string) =>
  db.membership.findUnique({ where: { teamId_userId: { teamId: ctx.team.id, userId } }, include: { role: true } });

describe(`invite links (${engine})`, () => {
  it("creates a link whose token is stored only hashed and sealed, and joins a verified user with its role", async () => {
    const ctx = await createTeamWithMembers(db);
    const { id, token } = await linkFor(ctx);
    expect(token).toMatch(/^tgl_[A-Za-z0-9_-]{43}$/);
    const row = await db.inviteLink.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await findInviteLinkByToken(token)).toMatchObject({ state: "ACTIVE", role: { name: "Member" } });

    const joiner = await createUser(db);
    expect(await joinTeamByLink(asActor(joiner), token)).toMatchObject({ ok: true, alreadyMember: false });
    expect((await membership(ctx, joiner.id))?.role.key).toBe("member");
    // A member joining again spends no use and is told so.
    expect(await joinTeamByLink(asActor(joiner), token)).toMatchObject({ ok: true, alreadyMember: true });
    // Removed, then back through the same link: one more use, still one row for them.
    await db.membership.delete({ where: { teamId_userId: { teamId: ctx.team.id, userId: joiner.id } } });
    expect(await joinTeamByLink(asActor(joiner), token)).toMatchObject({ ok: true, alreadyMember: false });
    expect(await db.inviteLinkJoin.count({ where: { inviteLinkId: id } })).toBe(1);
    const detail = await getInviteLink(asActor(ctx.admin), ctx.ref, id);
    expect(detail).toMatchObject({ ok: true, link: { uses: 2, status: "ACTIVE" }, joined: [{ userId: joiner.id }] });
    const events = await db.auditEvent.findMany({ where: { teamId: ctx.team.id, targetId: { not: null } } });
    expect(events.map((event) => event.action).sort()).toEqual([
      "invite_link.created",
      "member.joined",
      "member.joined",
    ]);
    expect(events.find((e) => e.action === "member.joined")?.metadata).toMatchObject({ inviteLinkId: id });
  });

  it("never lets a link grant a role above its creator's, at creation or at a join", async () => {
    const ctx = await createTeamWithMembers(db);
    expect(
      await createInviteLink(asActor(ctx.admin), ctx.ref, { role: ctx.roles.owner.id, maxUses: 1, expiresInDays: 1 }),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(
      await createInviteLink(asActor(ctx.member), ctx.ref, { role: ctx.roles.member.id, maxUses: 1, expiresInDays: 1 }),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    // An admin's link for Admin dies when the admin is demoted.
    const { token } = await linkFor(ctx, { role: ctx.roles.admin.id });
    await db.membership.update({
      where: { teamId_userId: { teamId: ctx.team.id, userId: ctx.admin.id } },
      data: { roleId: ctx.roles.member.id },
    });
    const joiner = await createUser(db);
    expect(await joinTeamByLink(asActor(joiner), token)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await membership(ctx, joiner.id)).toBeNull();
    expect((await db.inviteLink.findFirstOrThrow({ where: { teamId: ctx.team.id } })).uses).toBe(0);
  });

  it("refuses bad input with 4xx codes: lifetime 1–30 days, uses, domain, unknown role", async () => {
    const ctx = await createTeamWithMembers(db);
    const base = { role: ctx.roles.member.id, maxUses: 5, expiresInDays: 7 };
    for (const input of [
      { ...base, expiresInDays: 0 },
      { ...base, expiresInDays: 31 },
      { ...base, maxUses: 0 },
      { ...base, allowedDomain: "not a domain" },
      { ...base, extra: true },
      { ...base, role: "nope" },
    ])
      expect(await createInviteLink(asActor(ctx.admin), ctx.ref, input)).toMatchObject({ ok: false, code: "INVALID" });
    const otherTeam = await createTeamWithMembers(db);
    expect(
      await createInviteLink(asActor(ctx.admin), ctx.ref, { ...base, role: otherTeam.roles.member.id }),
    ).toMatchObject({ ok: false, code: "INVALID" });
    expect(await createInviteLink(asActor(ctx.admin), otherTeam.ref, base)).toMatchObject({ code: "NOT_FOUND" });
  });

  it("admits only the allowed domain", async () => {
    const ctx = await createTeamWithMembers(db);
    const { token } = await linkFor(ctx, { allowedDomain: "@Acme.COM" });
    expect(await findInviteLinkByToken(token)).toMatchObject({ allowedDomain: "acme.com" });
    const outsider = await createUser(db, { email: "eve@acme.com.evil.io" });
    expect(await joinTeamByLink(asActor(outsider), token)).toMatchObject({ ok: false, reason: "WRONG_DOMAIN" });
    const insider = await createUser(db, { email: "ann@acme.com" });
    expect(await joinTeamByLink(asActor(insider), token)).toMatchObject({ ok: true });
    expect(
      await signUpThroughLink(token, { name: "E", email: "e@other.org", password: "long-enough-pass" }, requester()),
    ).toMatchObject({ ok: false, reason: "WRONG_DOMAIN" });
  });

  it("says why a dead link lets nobody in: revoked, expired, used up, unknown", async () => {
    const ctx = await createTeamWithMembers(db);
    const revoked = await linkFor(ctx);
    expect(await revokeInviteLink(asActor(ctx.admin), ctx.ref, revoked.id)).toMatchObject({
      ok: true,
      link: { status: "REVOKED" },
    });
    expect(await revokeInviteLink(asActor(ctx.admin), ctx.ref, revoked.id)).toMatchObject({ code: "CONFLICT" });
    const expired = await linkFor(ctx);
    await db.inviteLink.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const usedUp = await linkFor(ctx, { maxUses: 1 });
    expect(await joinTeamByLink(asActor(await createUser(db)), usedUp.token)).toMatchObject({ ok: true });

    const user = await createUser(db);
    for (const [link, reason] of [
      [revoked, "REVOKED"],
      [expired, "EXPIRED"],
      [usedUp, "USED_UP"],
    ] as const) {
      expect(await findInviteLinkByToken(link.token)).toMatchObject({ state: reason });
      expect(await joinTeamByLink(asActor(user), link.token)).toMatchObject({ ok: false, code: "GONE", reason });
    }
    expect(await findInviteLinkByToken("tgl_" + "x".repeat(43))).toEqual({ state: "invalid" });
    expect(await joinTeamByLink(asActor(user), "garbage")).toMatchObject({ code: "NOT_FOUND" });
    expect(await membership(ctx, user.id)).toBeNull();
    expect(await getInviteLinkUrl(asActor(ctx.admin), ctx.ref, revoked.id)).toMatchObject({ code: "CONFLICT" });
  });

  it("holds the seat limit", async () => {
    const ctx = await createTeamWithMembers(db, { seatLimit: 4 });
    const { token } = await linkFor(ctx);
    expect(await joinTeamByLink(asActor(await createUser(db)), token)).toMatchObject({ ok: true });
    expect(await joinTeamByLink(asActor(await createUser(db)), token)).toMatchObject({
      ok: false,
      code: "LIMIT_REACHED",
    });
    expect(await db.membership.count({ where: { teamId: ctx.team.id } })).toBe(4);
  });

  it("needs a verified address, a session, and members.manage to manage", async () => {
    const ctx = await createTeamWithMembers(db);
    const { id, token } = await linkFor(ctx);
    const unverified = await createUser(db, { verified: false });
    expect(await joinTeamByLink(asActor(unverified), token)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await joinTeamByLink(null, token)).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await membership(ctx, unverified.id)).toBeNull();
    expect(await listInviteLinks(asActor(ctx.member), ctx.ref)).toMatchObject({ code: "FORBIDDEN" });
    expect(await revokeInviteLink(asActor(ctx.member), ctx.ref, id)).toMatchObject({ code: "FORBIDDEN" });
    const other = await createTeamWithMembers(db);
    expect(await revokeInviteLink(asActor(other.admin), other.ref, id)).toMatchObject({ code: "NOT_FOUND" });
    expect((await db.inviteLink.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
  });

  it("signs up unverified, emails a confirmation, and joins only when it is followed", async () => {
    const ctx = await createTeamWithMembers(db);
    const { token } = await linkFor(ctx);
    const email = `new-${engine}@example.com`;
    expect(await signUpThroughLink(token, { name: "New", email, password: "long-enough-pass" }, requester())).toEqual({
      ok: true,
      email,
    });
    const user = await db.user.findUniqueOrThrow({ where: { emailCanonical: email } });
    expect(user.emailVerifiedAt).toBeNull();
    expect(await membership(ctx, user.id)).toBeNull();
    // Signing in before confirming does not open the door.
    expect(await joinTeamByLink(asActor(user), token)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(
      await signUpThroughLink(token, { name: "Again", email, password: "long-enough-pass" }, requester()),
    ).toMatchObject({ ok: false, code: "CONFLICT" });

    await deliverQueuedEmails();
    const message = await db.mailboxMessage.findFirstOrThrow({ where: { to: email } });
    const confirmation = /\/join\/confirm\/(tgv_[A-Za-z0-9_-]{43})/.exec(message.text)?.[1];
    expect(confirmation).toBeDefined();
    expect(JSON.stringify(await db.emailVerification.findMany())).not.toContain(confirmation);

    expect(await confirmEmailAndJoin(confirmation!)).toMatchObject({
      ok: true,
      joined: { ok: true, alreadyMember: false },
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).not.toBeNull();
    expect((await membership(ctx, user.id))?.role.key).toBe("member");
    // Single use.
    expect(await confirmEmailAndJoin(confirmation!)).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("limits link creation per member and team", async () => {
    const ctx = await createTeamWithMembers(db);
    await startWithinOneWindow(db, 3600, 5);
    await db.rateLimitBucket.create({
      data: {
        key: `invite-link-create:${ctx.team.id}:${ctx.admin.id}`,
        windowStart: new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000),
        count: 30,
      },
    });
    expect(
      await createInviteLink(asActor(ctx.admin), ctx.ref, { role: ctx.roles.member.id, maxUses: 1, expiresInDays: 1 }),
    ).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(await db.inviteLink.count({ where: { teamId: ctx.team.id } })).toBe(0);
  });

  it("emails a signed-in, unconfirmed account a new confirmation link, a few times an hour, and nobody else", async () => {
    const ctx = await createTeamWithMembers(db);
    const { token, id } = await linkFor(ctx);
    const unverified = await createUser(db, { verified: false });
    for (let attempt = 0; attempt < 3; attempt += 1)
      expect(await resendEmailVerification(asActor(unverified), token, "en")).toEqual({
        ok: true,
        email: unverified.email,
      });
    expect(await resendEmailVerification(asActor(unverified), token, "en")).toMatchObject({ code: "RATE_LIMITED" });
    expect(await db.emailVerification.count({ where: { userId: unverified.id, inviteLinkId: id } })).toBe(3);
    expect(await resendEmailVerification(asActor(ctx.member), token, "en")).toMatchObject({ code: "CONFLICT" });
    expect(await resendEmailVerification(null, token, "en")).toMatchObject({ code: "UNAUTHENTICATED" });
    await revokeInviteLink(asActor(ctx.admin), ctx.ref, id);
    const other = await createUser(db, { verified: false });
    expect(await resendEmailVerification(asActor(other), token, "en")).toMatchObject({ reason: "REVOKED" });
  });
});
