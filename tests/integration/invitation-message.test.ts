import { describe, expect, it, vi } from "vitest";
import { asActor, createTeamWithMembers } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

vi.hoisted(() => {
  process.env.RESEND_API_KEY = "";
});

const { deliverQueuedEmails } = await import("@/lib/email/deliver-queued-emails");
const { listMailboxMessages, getMailboxMessage } = await import("@/lib/email/read-mailbox");
const { inviteMembers } = await import("@/lib/invitations/invite-members");
const { inviteMembersByReference } = await import("@/lib/invitations/invite-members-by-reference");
const { findInvitationByToken } = await import("@/lib/invitations/find-invitation-by-token");

const { db } = getTestDatabase();
const ZWSP = "\u200B";

describe("the inviter's personal message", () => {
  it("refuses more than 500 characters and stores nothing", async () => {
    const ctx = await createTeamWithMembers(db);
    const result = await inviteMembers(asActor(ctx.admin), ctx.ref, {
      emails: "long@example.com",
      roleId: ctx.roles.member.id,
      message: "x".repeat(501),
    });
    expect(result).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { message: [expect.any(String)] } });
    expect(await db.invitation.count({ where: { teamId: ctx.team.id } })).toBe(0);

    const exact = await inviteMembers(asActor(ctx.admin), ctx.ref, {
      emails: "exact@example.com",
      roleId: ctx.roles.member.id,
      message: `  ${"y".repeat(500)}  `,
    });
    expect(exact).toMatchObject({ ok: true, counts: { invited: 1 } });
    const stored = await db.invitation.findFirstOrThrow({ where: { teamId: ctx.team.id } });
    expect(stored.message).toBe("y".repeat(500));
  });

  it("a blank message is no message", async () => {
    const ctx = await createTeamWithMembers(db);
    await inviteMembers(asActor(ctx.admin), ctx.ref, {
      emails: "blank@example.com",
      roleId: ctx.roles.member.id,
      message: "   ",
    });
    expect((await db.invitation.findFirstOrThrow({ where: { teamId: ctx.team.id } })).message).toBeNull();
  });

  it("reaches the email escaped and link-free, and the invitation page as stored", async () => {
    const ctx = await createTeamWithMembers(db);
    const message =
      'Welcome!\nSee <a href="https://evil.example/x">our wiki</a> at evil.example or mail boss@evil.example';
    const result = await inviteMembersByReference(asActor(ctx.admin), ctx.ref, {
      emails: ["note@example.com"],
      role: "member",
      groups: [],
      language: "en",
      message,
    });
    expect(result).toMatchObject({ ok: true, counts: { invited: 1 } });
    await deliverQueuedEmails();

    const [listed] = (await listMailboxMessages())!.filter((m) => m.to === "note@example.com");
    const email = (await getMailboxMessage(listed!.id))!;
    expect(email.html).toContain("Admin wrote:");
    expect(email.html).not.toContain('<a href="https://evil');
    expect(email.html).not.toMatch(/href="[^"]*evil/);
    expect(email.html).toContain("&lt;a href=");
    expect(email.html).toContain(`evil.${ZWSP}example`);
    // The plain-text part renders the zero-width break as a space: still no address or domain to link.
    expect(email.text).toContain("Admin wrote:");
    expect(email.text).not.toContain("evil.example");

    if (!result.ok || !result.link) throw new Error("expected the new invitation's link");
    const token = result.link.url.split("/invite/")[1]!;
    const view = await findInvitationByToken(token);
    expect(view).toMatchObject({ state: "PENDING", message });
  });
});
