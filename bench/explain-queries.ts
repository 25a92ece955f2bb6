// Runs the data-layer reads behind the invitations page and the API list against the bench
// database, captures the SQL Prisma actually sends, and prints EXPLAIN for each statement that
// reads invitations. Run by bench/run.mjs with `tsx --conditions=react-server`.
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapterFactory } from "@/lib/db/adapter";

type Captured = { query: string; params: unknown[] };

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL must name the bench database");

const client = new PrismaClient({ adapter: createAdapterFactory({ kind: "postgres", url }).factory, log: [{ emit: "event", level: "query" }] });
let captured: Captured[] = [];
client.$on("query", (event) => captured.push({ query: event.query, params: JSON.parse(event.params) as unknown[] }));
(globalThis as { teamgateDb?: unknown }).teamgateDb = client;

const { listTeamInvitations } = await import("@/lib/invitations/list-team-invitations");
const { listTeamInvitationsPage } = await import("@/lib/invitations/list-team-invitations-page");

const admin = await client.user.findUniqueOrThrow({ where: { emailCanonical: "admin@acme.test" }, select: { id: true } });
const actor = { kind: "user" as const, userId: admin.id };
const team = { slug: "acme" };

const firstApiPage = await listTeamInvitationsPage(actor, team, { status: [], role: [], sort: "-created", limit: 50 });
const cursor = firstApiPage.ok ? (firstApiPage.next ?? undefined) : undefined;

const reads: Record<string, () => Promise<unknown>> = {
  "1. invitations page, newest first": () => listTeamInvitations(actor, team, {}),
  "2a. invitations page, by email, pending only": () => listTeamInvitations(actor, team, { sort: "email", order: "asc", status: "PENDING" }),
  "2b. invitations page, text search": () => listTeamInvitations(actor, team, { q: "inv4242" }),
  "3a. API list, first page (limit=50)": () => listTeamInvitationsPage(actor, team, { status: [], role: [], sort: "-created", limit: 50 }),
  "3b. API list, next page by cursor": () => listTeamInvitationsPage(actor, team, { status: [], role: [], sort: "-created", limit: 50, cursor }),
};

const explainer = new pg.Client({ connectionString: url });
await explainer.connect();
const report: Record<string, Array<{ sql: string; plan: string; seqScanOnInvitations: boolean; usesIndex: boolean }>> = {};
for (const [name, read] of Object.entries(reads)) {
  captured = [];
  await read();
  report[name] = [];
  for (const { query, params } of captured.filter((c) => c.query.includes('"Invitation"'))) {
    const { rows } = await explainer.query(`EXPLAIN ${query}`, params);
    const plan = rows.map((row: Record<string, string>) => row["QUERY PLAN"]).join("\n");
    report[name].push({ sql: query, plan, seqScanOnInvitations: /Seq Scan on "Invitation"/.test(plan), usesIndex: /Index (Only )?Scan|Bitmap Index Scan/.test(plan) });
  }
}
await explainer.end();
await client.$disconnect();
process.stdout.write(JSON.stringify(report));
