import { describe, expect, it, vi } from "vitest";
import { asActor, createTeamWithMembers, createUser } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

vi.hoisted(() => {
  process.env.SIGN_IN_FAILURES_PER_15_MINUTES = "3";
});

const { hashPassword } = await import("@/lib/auth/password");
const { signInWithPassword } = await import("@/lib/auth/sign-in-with-password");
const { inviteMembers } = await import("@/lib/invitations/invite-members");
const { getInvitationLink } = await import("@/lib/invitations/get-invitation-link");
const { requestInvitationRenewal } = await import("@/lib/invitations/request-invitation-renewal");
const { findInvitationByToken } = await import("@/lib/invitations/find-invitation-by-token");
const { acceptInvitationByToken } = await import("@/lib/invitations/accept-invitation-by-token");
const { resendInvitation } = await import("@/lib/invitations/resend-invitation");

const { db } = getTestDatabase();

describe("sign-in", () => {
  it("accepts the right password in any letter case of the address and never stores it in clear", async () => {
    const user = await createUser(db, { email: "Person@Example.com" });
    await db.user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword("correct horse battery") },
    });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
    expect(stored.passwordHash).not.toContain("correct horse");
    expect(await signInWithPassword(" PERSON@example.COM ", "correct horse battery", "203.0.113.1")).toMatchObject({
      ok: true,
      user: { id: user.id },
    });
  });

  it("signs in and accepts as the same person whatever form of an IDN address was used", async () => {
    const user = await createUser(db, { email: "Zoe@Bücher.de" });
    expect(user.emailCanonical).toBe("zoe@xn--bcher-kva.de");
    await db.user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword("correct horse battery") },
    });
    expect(await signInWithPassword("ZOE@BÜCHER.DE", "correct horse battery", "203.0.113.2")).toMatchObject({
      ok: true,
      user: { id: user.id },
    });
    expect(await signInWithPassword("zoe@xn--bcher-kva.de", "correct horse battery", "203.0.113.2")).toMatchObject({
      ok: true,
      user: { id: user.id },
    });

    const ctx = await createTeamWithMembers(db);
    const invited = await inviteMembers(asActor(ctx.admin), ctx.ref, {
      emails: "zoe@BÜCHER.de",
      roleId: ctx.roles.member.id,
    });
    const id = invited.ok ? invited.results[0]!.invitationId! : "";
    const link = await getInvitationLink(asActor(ctx.admin), ctx.ref, id);
    const token = link.ok ? link.url.split("/invite/")[1]! : "";
    expect(await acceptInvitationByToken(asActor(user), token)).toMatchObject({ ok: true, alreadyMember: false });
  });

  it("pauses an address after repeated failures, even with the right password, and says so", async () => {
    const user = await createUser(db, { email: "target@example.com" });
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword("the real password") } });
    for (let i = 0; i < 3; i += 1) {
      expect(await signInWithPassword("target@example.com", `guess ${i}`, `198.51.100.${i}`)).toEqual({
        ok: false,
        reason: "INVALID_CREDENTIALS",
      });
    }
    expect(await signInWithPassword("target@example.com", "the real password", "198.51.100.99")).toEqual({
      ok: false,
      reason: "TOO_MANY_ATTEMPTS",
    });
    expect(await signInWithPassword("nobody@example.com", "whatever", "198.51.100.99")).toEqual({
      ok: false,
      reason: "INVALID_CREDENTIALS",
    });
  });
});

describe("asking for a new invitation", () => {
  it("tells the inviter once for an expired link and reveals nothing for others", async () => {
    const ctx = await createTeamWithMembers(db);
    const invited = await inviteMembers(asActor(ctx.admin), ctx.ref, {
      emails: "late@example.com",
      roleId: ctx.roles.member.id,
    });
    const id = invited.ok ? invited.results[0]!.invitationId! : "";
    const link = await getInvitationLink(asActor(ctx.admin), ctx.ref, id);
    const token = link.ok ? link.url.split("/invite/")[1]! : "";

    expect(await requestInvitationRenewal(token)).toEqual({ ok: true });
    expect(await db.emailOutbox.count({ where: { invitationId: id, kind: "renewal_request" } })).toBe(0);

    await db.$executeRaw`UPDATE "Invitation" SET "expiresAt" = now() - interval '1 second' WHERE "id" = ${id}::uuid`;
    expect(await requestInvitationRenewal(token)).toEqual({ ok: true });
    expect(await requestInvitationRenewal(token)).toEqual({ ok: true });
    const requests = await db.emailOutbox.findMany({ where: { invitationId: id, kind: "renewal_request" } });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.to).toBe(ctx.admin.email);
    expect(await db.auditEvent.count({ where: { targetId: id, action: "invitation.renewal_requested" } })).toBe(1);
    expect(await findInvitationByToken(token)).toMatchObject({ state: "EXPIRED", renewalRequested: true });

    expect(await requestInvitationRenewal(`tgi_${"B".repeat(43)}`)).toEqual({ ok: true });
    expect(await requestInvitationRenewal("nonsense")).toEqual({ ok: true });
  });

  async function expiredInvitation(email: string) {
    const ctx = await createTeamWithMembers(db);
    const invited = await inviteMembers(asActor(ctx.admin), ctx.ref, { emails: email, roleId: ctx.roles.member.id });
    const id = invited.ok ? invited.results[0]!.invitationId! : "";
    const token = await currentToken(ctx, id);
    await db.$executeRaw`UPDATE "Invitation" SET "expiresAt" = now() - interval '1 second' WHERE "id" = ${id}::uuid`;
    return { ctx, id, token };
  }
  async function currentToken(ctx: Awaited<ReturnType<typeof createTeamWithMembers>>, id: string) {
    const link = await getInvitationLink(asActor(ctx.admin), ctx.ref, id);
    return link.ok ? link.url.split("/invite/")[1]! : "";
  }
  const renewalRecipients = async (id: string) =>
    (
      await db.emailOutbox.findMany({
        where: { invitationId: id, kind: "renewal_request" },
        orderBy: { createdAt: "asc" },
      })
    ).map((row) => row.to);

  it("can be asked again after a resend expired too, once per send", async () => {
    const { ctx, id, token } = await expiredInvitation("twice-late@example.com");
    expect(await requestInvitationRenewal(token)).toEqual({ ok: true });
    expect(await resendInvitation(asActor(ctx.admin), ctx.ref, id)).toMatchObject({ ok: true, sendCount: 2 });
    const newToken = await currentToken(ctx, id);
    await db.$executeRaw`UPDATE "Invitation" SET "expiresAt" = now() - interval '1 second' WHERE "id" = ${id}::uuid`;
    expect(await requestInvitationRenewal(newToken)).toEqual({ ok: true });
    expect(await requestInvitationRenewal(newToken)).toEqual({ ok: true });
    expect(await renewalRecipients(id)).toEqual([ctx.admin.email, ctx.admin.email]);
    expect(await db.auditEvent.count({ where: { targetId: id, action: "invitation.renewal_requested" } })).toBe(2);
  });

  it("tells the team's managers when the inviter left the team", async () => {
    const { ctx, id, token } = await expiredInvitation("orphan-left@example.com");
    const otherAdmin = await createUser(db, { name: "Second admin" });
    await db.membership.create({ data: { teamId: ctx.team.id, userId: otherAdmin.id, roleId: ctx.roles.admin.id } });
    await db.membership.delete({ where: { teamId_userId: { teamId: ctx.team.id, userId: ctx.admin.id } } });
    expect(await requestInvitationRenewal(token)).toEqual({ ok: true });
    // Owner first (highest rank), then admins; never the member without members.manage.
    expect(await renewalRecipients(id)).toEqual([ctx.owner.email, otherAdmin.email]);
  });

  it("tells the team's managers when the inviter's account is gone", async () => {
    const { ctx, id, token } = await expiredInvitation("orphan-deleted@example.com");
    await db.user.delete({ where: { id: ctx.admin.id } });
    expect((await db.invitation.findUniqueOrThrow({ where: { id } })).inviterId).toBeNull();
    expect(await requestInvitationRenewal(token)).toEqual({ ok: true });
    expect(await renewalRecipients(id)).toEqual([ctx.owner.email]);
  });

  it("answers unknown and known-but-dead tokens with the same shape", async () => {
    const ctx = await createTeamWithMembers(db);
    const invited = await inviteMembers(asActor(ctx.admin), ctx.ref, {
      emails: "gone@example.com",
      roleId: ctx.roles.member.id,
    });
    const id = invited.ok ? invited.results[0]!.invitationId! : "";
    const link = await getInvitationLink(asActor(ctx.admin), ctx.ref, id);
    const token = link.ok ? link.url.split("/invite/")[1]! : "";
    await db.invitation.delete({ where: { id } });
    expect(await findInvitationByToken(token)).toEqual(await findInvitationByToken(`tgi_${"C".repeat(43)}`));
  });
});
