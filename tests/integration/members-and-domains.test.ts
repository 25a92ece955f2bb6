import { describe, expect, it } from "vitest";
import { inviteMembers } from "@/lib/invitations/invite-members";
import { listTeamMembers } from "@/lib/members/list-team-members";
import { changeMemberRole, removeMember } from "@/lib/members/manage-member";
import { updateAllowedDomains } from "@/lib/teams/update-allowed-domains";
import { asActor, createTeamWithMembers, createUser } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

const { db } = getTestDatabase();

const membershipOf = (teamId: string, userId: string) =>
  db.membership.findUniqueOrThrow({ where: { teamId_userId: { teamId, userId } }, include: { role: true } });

describe("members", () => {
  it("an admin changes a member's role within the hierarchy, never above their own", async () => {
    const ctx = await createTeamWithMembers(db);
    const member = await membershipOf(ctx.team.id, ctx.member.id);
    expect(await changeMemberRole(asActor(ctx.admin), ctx.ref, member.id, ctx.roles.admin.id)).toMatchObject({
      ok: true,
    });
    expect((await membershipOf(ctx.team.id, ctx.member.id)).role.key).toBe("admin");
    expect(await changeMemberRole(asActor(ctx.admin), ctx.ref, member.id, ctx.roles.owner.id)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    const owner = await membershipOf(ctx.team.id, ctx.owner.id);
    expect(await changeMemberRole(asActor(ctx.admin), ctx.ref, owner.id, ctx.roles.member.id)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await removeMember(asActor(ctx.member), ctx.ref, owner.id)).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("lists members a page at a time, searchable by name or email, owners first", async () => {
    const ctx = await createTeamWithMembers(db);
    for (let i = 0; i < 12; i += 1) {
      const user = await createUser(db, {
        email: `Person${i}@Example.com`,
        name: i === 7 ? "Ada 100%_Lovelace" : `Person ${i}`,
      });
      await db.membership.create({ data: { teamId: ctx.team.id, userId: user.id, roleId: ctx.roles.member.id } });
    }
    const page = async (query: Record<string, string>) => {
      const result = await listTeamMembers(asActor(ctx.member), ctx.ref, query);
      if (!result.ok) throw new Error(result.error);
      return result;
    };
    const first = await page({ perPage: "10" });
    expect(first).toMatchObject({ total: 15, pageCount: 2, teamSize: 15 });
    expect(first.members).toHaveLength(10);
    expect(first.members[0]!.role.name).toBe("Owner");
    const second = await page({ perPage: "10", page: "2" });
    expect(second.members).toHaveLength(5);
    expect(new Set([...first.members, ...second.members].map((m) => m.id)).size).toBe(15);
    expect((await page({ perPage: "10", page: "9" })).query.page).toBe(2);

    expect((await page({ q: "LOVELACE" })).members.map((m) => m.name)).toEqual(["Ada 100%_Lovelace"]);
    expect((await page({ q: "person3@example" })).members.map((m) => m.email)).toEqual(["Person3@Example.com"]);
    expect((await page({ q: "%_" })).members).toHaveLength(1);
    expect(await page({ q: "nobody" })).toMatchObject({ total: 0, teamSize: 15, members: [] });
    expect(await listTeamMembers(asActor(ctx.member), ctx.ref, { perPage: "7" })).toMatchObject({
      ok: false,
      code: "INVALID",
    });
  });

  it("the last owner can be neither demoted nor removed", async () => {
    const ctx = await createTeamWithMembers(db);
    const owner = await membershipOf(ctx.team.id, ctx.owner.id);
    expect(await changeMemberRole(asActor(ctx.owner), ctx.ref, owner.id, ctx.roles.admin.id)).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    expect(await removeMember(asActor(ctx.owner), ctx.ref, owner.id)).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((await membershipOf(ctx.team.id, ctx.owner.id)).role.key).toBe("owner");
  });

  it("two owners demoting each other at once still leave one owner", async () => {
    const ctx = await createTeamWithMembers(db);
    const second = await createUser(db);
    await db.membership.create({ data: { teamId: ctx.team.id, userId: second.id, roleId: ctx.roles.owner.id } });
    const [a, b] = [await membershipOf(ctx.team.id, ctx.owner.id), await membershipOf(ctx.team.id, second.id)];
    const results = await Promise.all([
      changeMemberRole(asActor(ctx.owner), ctx.ref, b.id, ctx.roles.member.id),
      changeMemberRole(asActor(second), ctx.ref, a.id, ctx.roles.member.id),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.membership.count({ where: { teamId: ctx.team.id, role: { key: "owner" } } })).toBe(1);
  });

  it("another team's member answers not found", async () => {
    const ctx = await createTeamWithMembers(db);
    const other = await createTeamWithMembers(db);
    const foreign = await membershipOf(other.team.id, other.member.id);
    expect(await removeMember(asActor(ctx.owner), ctx.ref, foreign.id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.membership.count({ where: { id: foreign.id } })).toBe(1);
  });

  it("removing a member ends their access and is audited", async () => {
    const ctx = await createTeamWithMembers(db);
    const member = await membershipOf(ctx.team.id, ctx.member.id);
    expect(await removeMember(asActor(ctx.admin), ctx.ref, member.id)).toMatchObject({ ok: true });
    expect(await db.membership.count({ where: { id: member.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { targetId: member.id, action: "member.removed" } })).toBe(1);
  });
});

describe("allowed domains", () => {
  it("normalises and saves domains, then invitations respect them", async () => {
    const ctx = await createTeamWithMembers(db);
    expect(
      await updateAllowedDomains(asActor(ctx.admin), ctx.ref, { domains: "Acme.COM\n@bücher.de, acme.com" }),
    ).toMatchObject({
      ok: true,
      domains: ["acme.com", "xn--bcher-kva.de"],
    });
    const result = await inviteMembers(asActor(ctx.admin), ctx.ref, {
      emails: "a@acme.com b@other.com",
      roleId: ctx.roles.member.id,
    });
    expect(result.ok && result.results.map((r) => r.outcome)).toEqual(["invited", "domain_not_allowed"]);
  });

  it("refuses invalid domains and members without team.settings, changing nothing", async () => {
    const ctx = await createTeamWithMembers(db);
    expect(await updateAllowedDomains(asActor(ctx.admin), ctx.ref, { domains: "not a domain!" })).toMatchObject({
      ok: false,
      code: "INVALID",
    });
    expect(await updateAllowedDomains(asActor(ctx.member), ctx.ref, { domains: "acme.com" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect((await db.team.findUniqueOrThrow({ where: { id: ctx.team.id } })).allowedDomains).toEqual([]);
  });
});
