import { describe, expect, it } from "vitest";
import { createInviteLink } from "@/lib/invite-links/create-invite-link";
import { joinTeamByLink } from "@/lib/invite-links/join-team-by-link";
import { asActor, createTeamWithMembers, createUser } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

// On PostgreSQL the joins run on separate pooled connections: the conditional UPDATE and the
// team's seat lock are what is being proven. PGlite serialises them; the counts must hold there too.
const { db, engine } = getTestDatabase();

async function racers(count: number) {
  return Promise.all(Array.from({ length: count }, () => createUser(db)));
}

async function linkWithUsesLeft(ctx: Awaited<ReturnType<typeof createTeamWithMembers>>, maxUses: number, used: number) {
  const created = await createInviteLink(asActor(ctx.admin), ctx.ref, {
    role: ctx.roles.member.id,
    maxUses,
    expiresInDays: 1,
  });
  if (!created.ok) throw new Error(created.error);
  await db.inviteLink.update({ where: { id: created.link.id }, data: { uses: used } });
  return { id: created.link.id, token: created.url.split("/join/")[1]! };
}

describe(`invite link races (${engine})`, () => {
  it("50 parallel joins on a link with 10 uses left make exactly 10 members", async () => {
    const ctx = await createTeamWithMembers(db);
    const link = await linkWithUsesLeft(ctx, 15, 5);
    const users = await racers(50);
    const results = await Promise.all(users.map((user) => joinTeamByLink(asActor(user), link.token)));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    for (const result of results) if (!result.ok) expect(result).toMatchObject({ code: "GONE", reason: "USED_UP" });
    expect(await db.membership.count({ where: { teamId: ctx.team.id } })).toBe(3 + 10);
    expect(await db.inviteLinkJoin.count({ where: { inviteLinkId: link.id } })).toBe(10);
    expect((await db.inviteLink.findUniqueOrThrow({ where: { id: link.id } })).uses).toBe(15);
  });

  it("50 parallel joins never pass the seat limit, and spend a use only for those who joined", async () => {
    const ctx = await createTeamWithMembers(db, { seatLimit: 8 });
    const link = await linkWithUsesLeft(ctx, 20, 0);
    const users = await racers(50);
    const results = await Promise.all(users.map((user) => joinTeamByLink(asActor(user), link.token)));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    for (const result of results) if (!result.ok) expect(result.code).toBe("LIMIT_REACHED");
    expect(await db.membership.count({ where: { teamId: ctx.team.id } })).toBe(8);
    expect((await db.inviteLink.findUniqueOrThrow({ where: { id: link.id } })).uses).toBe(5);
  });

  it("one person joining from many tabs at once joins once and spends one use", async () => {
    const ctx = await createTeamWithMembers(db);
    const link = await linkWithUsesLeft(ctx, 10, 0);
    const [user] = await racers(1);
    const results = await Promise.all(Array.from({ length: 20 }, () => joinTeamByLink(asActor(user!), link.token)));
    expect(results.filter((r) => r.ok && !r.alreadyMember)).toHaveLength(1);
    for (const result of results) if (!result.ok) expect(result.code).toMatch(/CONFLICT|UNAVAILABLE/);
    expect((await db.inviteLink.findUniqueOrThrow({ where: { id: link.id } })).uses).toBe(1);
  });
});
