import { describe, expect, it, vi } from "vitest";
import { asActor, createTeamWithMembers, createUser } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

// The invitee's read, wrapped so a test can change the invitation right after it was read
// (between the read and the accept's write), as a concurrent admin edit would.
vi.mock("@/lib/invitations/read-invitation-to-answer", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/invitations/read-invitation-to-answer")>();
  return { ...real, readAnswerParties: vi.fn(real.readAnswerParties) };
});

const reads = await import("@/lib/invitations/read-invitation-to-answer");
const { acceptInvitationByToken } = await import("@/lib/invitations/accept-invitation-by-token");
const { getInvitationLink } = await import("@/lib/invitations/get-invitation-link");
const { inviteMembers } = await import("@/lib/invitations/invite-members");
const { updateInvitation } = await import("@/lib/invitations/update-invitation");

const { db, engine } = getTestDatabase();
const readAnswerParties = vi.mocked(reads.readAnswerParties);
const realRead = (await vi.importActual<typeof reads>("@/lib/invitations/read-invitation-to-answer")).readAnswerParties;

async function invite(email: string) {
  const ctx = await createTeamWithMembers(db);
  const invited = await inviteMembers(asActor(ctx.admin), ctx.ref, { emails: email, roleId: ctx.roles.member.id });
  const id = invited.ok ? invited.results[0]!.invitationId! : "";
  const link = await getInvitationLink(asActor(ctx.admin), ctx.ref, id);
  const token = link.ok ? link.url.split("/invite/")[1]! : "";
  const invitee = await createUser(db, { email });
  return { ctx, id, token, invitee };
}

/** The next `times` reads each return what they read, after `change` has changed it. */
function changeAfterRead(times: number, change: (round: number) => Promise<unknown>) {
  for (let round = 0; round < times; round += 1)
    readAnswerParties.mockImplementationOnce(async (...args) => {
      const read = await realRead(...args);
      await change(round);
      return read;
    });
}

describe(`accept when the invitation changes after the invitee's read (${engine})`, () => {
  it("reads again and grants the invitation as it is now", async () => {
    const { ctx, id, token, invitee } = await invite("changed-once@example.com");
    readAnswerParties.mockClear();
    changeAfterRead(1, () =>
      updateInvitation(asActor(ctx.admin), ctx.ref, id, { roleId: ctx.roles.admin.id, groupIds: [ctx.groups[1]!.id] }),
    );

    expect(await acceptInvitationByToken(asActor(invitee), token)).toMatchObject({ ok: true, role: { name: "Admin" } });
    expect(readAnswerParties).toHaveBeenCalledTimes(2);
    const membership = await db.membership.findUniqueOrThrow({
      where: { teamId_userId: { teamId: ctx.team.id, userId: invitee.id } },
      include: { groups: true, role: true },
    });
    expect(membership.role.key).toBe("admin");
    expect(membership.groups.map((g) => g.groupId)).toEqual([ctx.groups[1]!.id]);
    expect(await db.emailOutbox.count({ where: { invitationId: id, kind: "invitation_answered" } })).toBe(1);
  });

  it("gives up with a 503 after three changed reads, having written nothing", async () => {
    const { ctx, id, token, invitee } = await invite("changed-always@example.com");
    readAnswerParties.mockClear();
    changeAfterRead(3, (round) =>
      updateInvitation(asActor(ctx.admin), ctx.ref, id, { language: round % 2 === 0 ? "fr" : "en" }),
    );

    expect(await acceptInvitationByToken(asActor(invitee), token)).toMatchObject({
      ok: false,
      code: "UNAVAILABLE",
      retryAfterSeconds: 2,
    });
    expect(readAnswerParties).toHaveBeenCalledTimes(3);
    expect((await db.invitation.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
    expect(await db.membership.count({ where: { userId: invitee.id } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { invitationId: id, kind: "invitation_answered" } })).toBe(0);

    // Once the edits stop, the same link works.
    expect(await acceptInvitationByToken(asActor(invitee), token)).toMatchObject({ ok: true });
  });
});
