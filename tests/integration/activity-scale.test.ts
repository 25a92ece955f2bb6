import { beforeAll, describe, expect, it } from "vitest";
import { activityPageSql, type ActivityPageRequest } from "@/lib/audit/activity-page-sql";
import { listTeamActivity } from "@/lib/audit/list-team-activity";
import { Prisma } from "@/lib/generated/prisma/client";
import { asActor, createTeamWithMembers } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

const { db } = getTestDatabase();
const EVENTS = 100_000;

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  Plans?: PlanNode[];
};

function scansOfAuditEvent(node: PlanNode, found: PlanNode[] = []): PlanNode[] {
  if (node["Relation Name"] === "AuditEvent") found.push(node);
  for (const child of node.Plans ?? []) scansOfAuditEvent(child, found);
  return found;
}

describe(`the activity log at ${EVENTS.toLocaleString("en")} events`, () => {
  let ctx: Awaited<ReturnType<typeof createTeamWithMembers>>;

  beforeAll(async () => {
    ctx = await createTeamWithMembers(db);
    const actors = [ctx.owner.id, ctx.admin.id, ctx.member.id];
    // Mostly invitations sent, some of every other kind, and a rare one (member.removed: 1 in 1,000),
    // one event a second so the newest are at the end; plus another team's events in between.
    await db.$executeRaw`
      INSERT INTO "AuditEvent" ("id", "teamId", "actorId", "action", "targetType", "metadata", "createdAt")
      SELECT gen_random_uuid(), ${ctx.team.id}::uuid, (${actors}::uuid[])[1 + i % 3],
        CASE WHEN i % 1000 = 0 THEN 'member.removed' WHEN i % 10 = 1 THEN 'invitation.withdrawn' WHEN i % 10 = 2 THEN 'invitation.resent' ELSE 'invitation.created' END,
        'invitation', jsonb_build_object('email', 'bulk' || i || '@example.com'), timestamptz '2026-01-01' + i * interval '1 second'
      FROM generate_series(1, ${EVENTS}) AS i`;
    const other = await createTeamWithMembers(db);
    await db.$executeRaw`
      INSERT INTO "AuditEvent" ("id", "teamId", "actorId", "action", "targetType", "metadata", "createdAt")
      SELECT gen_random_uuid(), ${other.team.id}::uuid, ${other.owner.id}::uuid, 'member.removed', 'membership', '{}', timestamptz '2026-01-01' + i * interval '1 second'
      FROM generate_series(1, 20000) AS i`;
    await db.$executeRawUnsafe(`ANALYZE "AuditEvent"`);
  }, 300_000);

  async function explain(request: Omit<ActivityPageRequest, "teamId" | "take">) {
    const sql = activityPageSql({ teamId: ctx.team.id, take: 21, ...request });
    const rows = await db.$queryRaw<
      Array<{ "QUERY PLAN": Array<{ Plan: PlanNode; "Execution Time": number }> }>
    >`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`;
    const plan = rows[0]!["QUERY PLAN"][0]!;
    const scans = scansOfAuditEvent(plan.Plan);
    return {
      scans,
      rowsRead: scans.reduce((sum, scan) => sum + scan["Actual Rows"] * scan["Actual Loops"], 0),
      ms: plan["Execution Time"],
    };
  }

  const middle = {
    at: new Date(Date.parse("2026-01-01T00:00:00Z") + (EVENTS / 2) * 1000),
    id: "ffffffff-ffff-4fff-bfff-ffffffffffff",
  };
  const cases: Array<[string, Omit<ActivityPageRequest, "teamId" | "take">, number]> = [
    ["the newest page", { kinds: [], person: null, bound: null, newer: false }, 21],
    ["a page deep in the log", { kinds: [], person: null, bound: middle, newer: false }, 21],
    ["a newer page from deep in the log", { kinds: [], person: null, bound: middle, newer: true }, 21],
    ["a rare kind", { kinds: ["member.removed"], person: null, bound: null, newer: false }, 21],
    [
      "two kinds, deep",
      { kinds: ["invitation.withdrawn", "member.removed"], person: null, bound: middle, newer: false },
      42,
    ],
    ["a person (every kind)", { kinds: [], person: "ACTOR", bound: middle, newer: false }, 21 * 15],
    ["a person and a kind", { kinds: ["invitation.resent"], person: "ACTOR", bound: null, newer: false }, 21],
  ];

  it.each(cases)(
    "%s reads an index range, at most a page per kind, never the whole log",
    async (_name, request, maxRows) => {
      const result = await explain({ ...request, person: request.person ? ctx.admin.id : null });
      console.log(
        `${_name}: ${result.rowsRead} rows read, ${result.ms.toFixed(2)} ms, ${result.scans.map((s) => `${s["Node Type"]} ${s["Index Name"] ?? ""}`).join("; ")}`,
      );
      expect(result.scans.length).toBeGreaterThan(0);
      for (const scan of result.scans) expect(scan["Node Type"]).toMatch(/^Index (Only )?Scan$/);
      expect(result.rowsRead).toBeLessThanOrEqual(maxRows);
    },
  );

  it("pages through the whole team's log through the data layer, each page a constant cost", async () => {
    let after: string | undefined;
    const started = performance.now();
    for (let page = 0; page < 5; page += 1) {
      const result = await listTeamActivity(asActor(ctx.admin), ctx.ref, {
        perPage: "100",
        kind: "invitation.withdrawn,member.removed",
        ...(after ? { after } : {}),
      });
      if (!result.ok) throw new Error(result.error);
      expect(result.entries).toHaveLength(100);
      after = result.olderCursor!;
    }
    const people = await listTeamActivity(asActor(ctx.admin), ctx.ref, {});
    expect(people.ok && people.people.map((p) => p.value).sort()).toEqual(
      [ctx.owner.id, ctx.admin.id, ctx.member.id].sort(),
    );
    console.log(`5 filtered pages of 100 and the person list: ${(performance.now() - started).toFixed(0)} ms`);
  });

  it("the person filter's choices come from a skip scan, not from reading every event", async () => {
    const rows = await db.$queryRaw<
      Array<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>
    >(Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON)
      WITH RECURSIVE actors("actorId") AS (
        (SELECT "actorId" FROM "AuditEvent" WHERE "teamId" = ${ctx.team.id}::uuid AND "actorId" IS NOT NULL ORDER BY "actorId" LIMIT 1)
        UNION ALL
        SELECT (SELECT a."actorId" FROM "AuditEvent" a WHERE a."teamId" = ${ctx.team.id}::uuid AND a."actorId" > actors."actorId" ORDER BY a."actorId" LIMIT 1)
        FROM actors WHERE actors."actorId" IS NOT NULL)
      SELECT "actorId" FROM actors`);
    const scans = scansOfAuditEvent(rows[0]!["QUERY PLAN"][0]!.Plan);
    for (const scan of scans) expect(scan["Node Type"]).toMatch(/^Index (Only )?Scan$/);
    expect(scans.reduce((sum, scan) => sum + scan["Actual Rows"] * scan["Actual Loops"], 0)).toBeLessThanOrEqual(10);
  });
});
