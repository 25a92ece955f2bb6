// Runs the data-layer reads behind the invitations page and the API list against the bench
// database, captures the SQL Prisma actually sends, and prints EXPLAIN for each statement that
// reads invitations. Run by bench/run.mjs with `tsx --conditions=react-server`.
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapterFactory } from "@/lib/db/adapter";
import { nameStatement } from "@/lib/db/name-statement";

type Captured = { query: string; params: unknown[] };

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL must name the bench database");

const client = new PrismaClient({
  adapter: createAdapterFactory({ kind: "postgres", url }).factory,
  log: [{ emit: "event", level: "query" }],
});
let captured: Captured[] = [];
client.$on("query", (event) => captured.push({ query: event.query, params: JSON.parse(event.params) as unknown[] }));
(globalThis as { teamgateDb?: unknown }).teamgateDb = client;

const { listTeamInvitationsByOffset } = await import("@/lib/invitations/list-team-invitations-by-offset");
const { listTeamInvitationsByCursor } = await import("@/lib/invitations/list-team-invitations-by-cursor");
const { readApiInvitations } = await import("@/lib/api/read-api-invitations");

const admin = await client.user.findUniqueOrThrow({
  where: { emailCanonical: "admin@acme.test" },
  select: { id: true },
});
const actor = { kind: "user" as const, userId: admin.id };
const team = { slug: "acme" };

const firstApiPage = await listTeamInvitationsByCursor(
  actor,
  team,
  { status: [], role: [], sort: "-created", limit: 50 },
  readApiInvitations,
);
const cursor = firstApiPage.ok ? (firstApiPage.next ?? undefined) : undefined;

const reads: Record<string, () => Promise<unknown>> = {
  "1. invitations page, newest first": () => listTeamInvitationsByOffset(actor, team, {}),
  "2a. invitations page, by email, pending only": () =>
    listTeamInvitationsByOffset(actor, team, { sort: "email", order: "asc", status: "PENDING" }),
  "2b. invitations page, text search": () => listTeamInvitationsByOffset(actor, team, { q: "inv4242" }),
  "3a. API list, first page (limit=50)": () =>
    listTeamInvitationsByCursor(actor, team, { status: [], role: [], sort: "-created", limit: 50 }, readApiInvitations),
  "3b. API list, next page by cursor": () =>
    listTeamInvitationsByCursor(
      actor,
      team,
      { status: [], role: [], sort: "-created", limit: 50, cursor },
      readApiInvitations,
    ),
};

const explainer = new pg.Client({ connectionString: url });
await explainer.connect();
const literal = (value: unknown) =>
  value === null
    ? "NULL"
    : explainer.escapeLiteral(
        value instanceof Date ? value.toISOString() : Array.isArray(value) ? `{${value.join(",")}}` : String(value),
      );

/** The plan PostgreSQL settles on for a prepared statement after five calls when it judges it no worse. */
async function genericPlan(query: string, params: unknown[]) {
  await explainer.query("SET plan_cache_mode = force_generic_plan");
  try {
    await explainer.query(`PREPARE generic_probe AS ${query}`);
    const { rows } = await explainer.query(
      `EXPLAIN EXECUTE generic_probe${params.length ? `(${params.map(literal).join(", ")})` : ""}`,
    );
    return rows.map((row: Record<string, string>) => row["QUERY PLAN"]).join("\n");
  } finally {
    await explainer.query("DEALLOCATE ALL");
    await explainer.query("RESET plan_cache_mode");
  }
}

const report: Record<
  string,
  Array<{
    sql: string;
    plan: string;
    seqScanOnInvitations: boolean;
    usesIndex: boolean;
    generic: { plan: string; seqScanOnInvitations: boolean; prepared: boolean };
  }>
> = {};
for (const [name, read] of Object.entries(reads)) {
  captured = [];
  await read();
  report[name] = [];
  for (const { query, params } of captured.filter((c) => c.query.includes('"Invitation"'))) {
    const { rows } = await explainer.query(`EXPLAIN ${query}`, params);
    const plan = rows.map((row: Record<string, string>) => row["QUERY PLAN"]).join("\n");
    // What the app runs: a named (prepared) statement may get the generic plan; text searches stay unnamed.
    const generic = await genericPlan(query, params);
    report[name].push({
      sql: query,
      plan,
      seqScanOnInvitations: /Seq Scan on "Invitation"/.test(plan),
      usesIndex: /Index (Only )?Scan|Bitmap Index Scan/.test(plan),
      generic: {
        plan: generic,
        seqScanOnInvitations: /Seq Scan on "Invitation"/.test(generic),
        prepared: nameStatement({ sql: query, args: params }) !== "",
      },
    });
  }
}
await explainer.end();
await client.$disconnect();
process.stdout.write(JSON.stringify(report));
