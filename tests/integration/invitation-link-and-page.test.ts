import { afterEach, describe, expect, it, vi } from "vitest";
import { declineInvitation } from "@/lib/invitations/accept-invitation";
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
  it("shown to its inviter right after inviting records no copy; copying it does", async () => {
    const ctx = await createTeamWithMembers(db);
    const id = await invite(ctx, "shown@example.com");

    const shown = await getInvitationLink(asActor(ctx.admin), ctx.ref, id, "shown");
    expect(shown).toMatchObject({ ok: true, url: expect.stringMatching(/\/invite\/tgi_/) });
    expect(await linkCopies(id)).toBe(0);

    const copied = await getInvitationLink(asActor(ctx.admin), ctx.ref, id, "copied");
    expect(copied).toEqual(shown);
    expect(await linkCopies(id)).toBe(1);
    expect(await getInvitationLink(asActor(ctx.admin), ctx.ref, id)).toEqual(shown);
    expect(await linkCopies(id)).toBe(2);
  });

  it("'shown' is no unrecorded way to read links: not for someone else's invitation, not later", async () => {
    const ctx = await createTeamWithMembers(db);
    const id = await invite(ctx, "later@example.com");
    expect(await getInvitationLink(asActor(ctx.owner), ctx.ref, id, "shown")).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    expect(await getInvitationLink(asActor(ctx.member), ctx.ref, id, "shown")).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });

    await db.invitation.update({ where: { id }, data: { createdAt: new Date(Date.now() - 11 * 60_000) } });
    expect(await getInvitationLink(asActor(ctx.admin), ctx.ref, id, "shown")).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    expect(await linkCopies(id)).toBe(0);
    expect(await getInvitationLink(asActor(ctx.owner), ctx.ref, id, "copied")).toMatchObject({ ok: true });
    expect(await linkCopies(id)).toBe(1);
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
    await declineInvitation(null, declined);
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
