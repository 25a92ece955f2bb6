import { afterEach, describe, expect, it, vi } from "vitest";
import { declineInvitationByToken } from "@/lib/invitations/decline-invitation-by-token";
import { findInvitationByToken } from "@/lib/invitations/find-invitation-by-token";
import { getInvitationLink } from "@/lib/invitations/get-invitation-link";
import { inviteMembers } from "@/lib/invitations/invite-members";
import { withdrawInvitation } from "@/lib/invitations/withdraw-invitation";
import { asActor, createTeamWithMembers, createUser } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

const { db } = getTestDatabase();

type Ctx = Awaited<ReturnType<typeof createTeamWithMembers>>;

async function invite(ctx: Ctx, email: string) {
  const invited = await inviteMembers(asActor(ctx.admin), ctx.ref, { emails: email, roleId: ctx.roles.member.id });
  if (!invited.ok) throw new Error(invited.error);
  return invited.results[0]!.invitationId!;
}

const linkCopies = (id: string) => db.auditEvent.count({ where: { targetId: id, action: "invitation.link_copied" } });

afterEach(() => {
  vi.restoreAllMocks();
});

describe("an invitation's link", () => {
  it("comes back to its inviter with a single new invitation, recording no copy; copying it does", async () => {
    const ctx = await createTeamWithMembers(db);
    const invited = await inviteMembers(asActor(ctx.admin), ctx.ref, {
      emails: "shown@example.com",
      roleId: ctx.roles.member.id,
    });
    if (!invited.ok) throw new Error(invited.error);
    const id = invited.results[0]!.invitationId!;
    expect(invited.link).toEqual({ invitationId: id, url: expect.stringMatching(/\/invite\/tgi_/) });
    expect(await linkCopies(id)).toBe(0);
    // The link shown is the invitation's working link.
    const token = invited.link!.url.split("/invite/")[1]!;
    expect(await findInvitationByToken(token)).toMatchObject({ state: "PENDING" });

    const copied = await getInvitationLink(asActor(ctx.admin), ctx.ref, id);
    expect(copied).toEqual({ ok: true, url: invited.link!.url });
    expect(await linkCopies(id)).toBe(1);
    // Only a copy reads a link later, and every copy is recorded.
    expect(await getInvitationLink(asActor(ctx.owner), ctx.ref, id)).toEqual(copied);
    expect(await linkCopies(id)).toBe(2);
    expect(await getInvitationLink(asActor(ctx.member), ctx.ref, id)).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("comes back with no link when a request creates several invitations, or none", async () => {
    const ctx = await createTeamWithMembers(db);
    const several = await inviteMembers(asActor(ctx.admin), ctx.ref, {
      emails: "one@example.com two@example.com",
      roleId: ctx.roles.member.id,
    });
    expect(several).toMatchObject({ ok: true, counts: { invited: 2 }, link: null });
    const none = await inviteMembers(asActor(ctx.admin), ctx.ref, {
      emails: "one@example.com",
      roleId: ctx.roles.member.id,
    });
    expect(none).toMatchObject({ ok: true, counts: { invited: 0 }, link: null });
  });
});

describe("the invitee page's lookup", () => {
  it("looks up accounts only for a live invitation, so dead and unknown tokens cost the same", async () => {
    const ctx = await createTeamWithMembers(db);
    const existing = await createUser(db, { email: "has-account@example.com" });
    const tokenOf = async (id: string) => {
      const link = await getInvitationLink(asActor(ctx.admin), ctx.ref, id);
      return link.ok ? link.url.split("/invite/")[1]! : "";
    };
    const live = await tokenOf(await invite(ctx, existing.email));
    const withdrawnId = await invite(ctx, "withdrawn@example.com");
    const withdrawn = await tokenOf(withdrawnId);
    await withdrawInvitation(asActor(ctx.admin), ctx.ref, withdrawnId);
    const declined = await tokenOf(await invite(ctx, "declined@example.com"));
    await declineInvitationByToken(null, declined);
    const expiredId = await invite(ctx, "expired@example.com");
    const expired = await tokenOf(expiredId);
    await db.invitation.update({ where: { id: expiredId }, data: { expiresAt: new Date(Date.now() - 120_000) } });

    const userLookups = vi.spyOn(db.user, "findUnique");
    expect(await findInvitationByToken(live)).toMatchObject({ state: "PENDING", accountExists: true });
    expect(userLookups).toHaveBeenCalledTimes(1);

    userLookups.mockClear();
    const dead = await Promise.all([withdrawn, declined, expired, `tgi_${"Z".repeat(43)}`].map(findInvitationByToken));
    expect(dead.map((view) => view.state)).toEqual(["WITHDRAWN", "DECLINED", "EXPIRED", "invalid"]);
    for (const view of dead) if (view.state !== "invalid") expect(view.accountExists).toBe(false);
    expect(userLookups).not.toHaveBeenCalled();
  });
});
