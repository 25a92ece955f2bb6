import { describe, expect, it, vi } from "vitest";
import { asActor, createTeamWithMembers } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

vi.hoisted(() => {
  process.env.RESEND_API_KEY = "";
});

const { deliverQueuedEmails } = await import("@/lib/email/deliver-queued-emails");
const { listMailboxMessages, getMailboxMessage } = await import("@/lib/email/read-mailbox");
const { inviteMembers } = await import("@/lib/invitations/invite-members");

const { db } = getTestDatabase();

describe("local mailbox (no Resend key)", () => {
  it("stores each email once, newest first, and logs without the token", async () => {
    const logs: string[] = [];
    const spy = vi.spyOn(console, "info").mockImplementation((line: string) => void logs.push(line));
    const ctx = await createTeamWithMembers(db);
    await inviteMembers(asActor(ctx.admin), ctx.ref, { emails: "first@example.com", roleId: ctx.roles.member.id });
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await inviteMembers(asActor(ctx.admin), ctx.ref, { emails: "second@example.com", roleId: ctx.roles.member.id });
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 1 });
    spy.mockRestore();

    const messages = await listMailboxMessages();
    expect(messages?.map((m) => m.to)).toEqual(["second@example.com", "first@example.com"]);
    expect(messages![0]!.createdAt.getTime()).toBeGreaterThan(messages![1]!.createdAt.getTime());
    const message = await getMailboxMessage(messages![0]!.id);
    expect(message?.html).toMatch(/\/invite\/tgi_/);
    expect(logs).toHaveLength(2);
    for (const line of logs) {
      expect(line).toMatch(/^\[email\] to=\S+@example\.com subject=/);
      expect(line).not.toContain("tgi_");
      expect(line).not.toContain("/invite/");
    }
    await db.emailOutbox.updateMany({ data: { status: "PENDING", nextAttemptAt: new Date(0) } });
    await deliverQueuedEmails();
    expect(await db.mailboxMessage.count()).toBe(2);
  });
});
