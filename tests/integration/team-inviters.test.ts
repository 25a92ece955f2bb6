import { describe, expect, it } from "vitest";
import { createTeamWithMembers, createUser } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

const { listTeamInviters, teamInvitersSql } = await import("@/lib/invitations/list-team-inviters");
const { Prisma } = await import("@/lib/generated/prisma/client");

const { db, engine } = getTestDatabase();

type PlanNode = { "Relation Name"?: string; "Actual Rows"?: number; "Actual Loops"?: number; Plans?: PlanNode[] };

/** Index entries or rows the statement read from Invitation (EXPLAIN ANALYZE). */
async function invitationRowsRead(teamId: string) {
  const read = (node: PlanNode): number =>
    (node["Relation Name"] === "Invitation" ? (node["Actual Rows"] ?? 0) * (node["Actual Loops"] ?? 1) : 0) +
    (node.Plans ?? []).reduce((sum, child) => sum + read(child), 0);
  const plan = await db.$queryRaw<Array<{ "QUERY PLAN": Array<{ Plan: PlanNode }> | string }>>(
    Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON) ${teamInvitersSql(teamId)}`,
  );
  const json = plan[0]!["QUERY PLAN"];
  return read((typeof json === "string" ? JSON.parse(json) : json)[0].Plan);
}

async function addInvitations(teamId: string, roleId: string, inviterId: string | null, count: number, tag: string) {
  await db.invitation.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      teamId,
      roleId,
      inviterId,
      email: `${tag}-${i}@example.com`,
      emailCanonical: `${tag}-${i}@example.com`,
      status: "DECLINED" as const,
      language: "en",
      expiresAt: new Date(Date.now() + 86_400_000),
      tokenHash: `${tag}-${i}-${teamId}`,
      tokenSealed: "v1.test",
    })),
  });
}

describe(`the team's inviters, for the "invited by" filter (${engine})`, () => {
  it("lists each inviter once, by name, and none of another team's or a deleted user's", async () => {
    const ctx = await createTeamWithMembers(db);
    const other = await createTeamWithMembers(db);
    const zed = await createUser(db, { name: "Zed Inviter" });
    const amy = await createUser(db, { name: "Amy Inviter" });
    const role = ctx.roles.member.id;
    await addInvitations(ctx.team.id, role, zed.id, 30, "zed");
    await addInvitations(ctx.team.id, role, amy.id, 3, "amy");
    await addInvitations(ctx.team.id, role, null, 2, "gone");
    await addInvitations(other.team.id, other.roles.member.id, other.admin.id, 2, "other");

    expect(await listTeamInviters(db, ctx.team.id)).toEqual([
      { id: amy.id, name: "Amy Inviter" },
      { id: zed.id, name: "Zed Inviter" },
    ]);
    expect(await listTeamInviters(db, (await createTeamWithMembers(db)).team.id)).toEqual([]);
  });

  it("reads one index entry per inviter, not one per invitation", async () => {
    const ctx = await createTeamWithMembers(db);
    const inviter = await createUser(db, { name: "Busy Inviter" });
    await addInvitations(ctx.team.id, ctx.roles.member.id, inviter.id, 300, "busy");
    await db.$executeRawUnsafe(`ANALYZE "Invitation"`);

    // One inviter: the first probe finds them, the second finds no one after them.
    expect(await invitationRowsRead(ctx.team.id)).toBeLessThanOrEqual(2);
  });
});
