import { describe, expect, it, vi } from "vitest";
import { parseCsv } from "@/lib/csv/parse-csv";
import { asActor, createTeamWithMembers } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

vi.hoisted(() => {
  process.env.INVITES_PER_TEAM_PER_HOUR = "5000";
  process.env.INVITES_PER_INVITER_PER_HOUR = "5000";
  process.env.API_REQUESTS_PER_MINUTE = "100";
});

const { inviteMembersByReference } = await import("@/lib/invitations/invite-members-by-reference");
const { listTeamInvitationsByOffset } = await import("@/lib/invitations/list-team-invitations-by-offset");
const { streamInvitationsCsv, EXPORT_PAGE_ROWS } = await import("@/lib/invitations/stream-invitations-csv");
const { withdrawInvitation } = await import("@/lib/invitations/withdraw-invitation");
const { createApiKey } = await import("@/lib/api-keys/create-api-key");
const exportRoute = await import("@/app/api/v1/teams/[team]/invitations.csv/route");

const { db } = getTestDatabase();
const HEADER = ["email", "role", "groups", "language", "status", "inviter", "invited_at", "expires_at", "delivery"];

async function exportRows(actor: Parameters<typeof streamInvitationsCsv>[0], team: { teamId: string }, query: object) {
  const result = await streamInvitationsCsv(actor, team, query);
  if (!result.ok) throw new Error(result.error);
  const text = await new Response(result.stream).text();
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rows;
}

async function tableEmails(actor: Parameters<typeof streamInvitationsCsv>[0], team: { teamId: string }, query: object) {
  const emails: string[] = [];
  for (let page = 1; ; page += 1) {
    const result = await listTeamInvitationsByOffset(actor, team, { ...query, page: String(page), perPage: "100" });
    if (!result.ok) throw new Error(result.error);
    emails.push(...result.invitations.map((invitation) => invitation.email));
    if (page >= result.pageCount) return emails;
  }
}

describe("CSV export of the invitations table", () => {
  it("streams every row the table's filters select, in the table's order for every sort, across keyset pages", async () => {
    const ctx = await createTeamWithMembers(db);
    const send = (emails: string[], inviter: { id: string }, role: string, groups: string[] = []) =>
      inviteMembersByReference(asActor(inviter), ctx.ref, { emails, role, groups, language: "en" });
    // Sends share one createdAt per send: long runs of ties, broken by address and id like the table.
    const many = (prefix: string, count: number) =>
      Array.from({ length: count }, (_, i) => `${prefix}${i}@example.com`);
    expect(await send(many("a", 450), ctx.admin, "member")).toMatchObject({ counts: { invited: 450 } });
    expect(await send(many("b", 400), ctx.owner, "admin", [ctx.groups[0]!.id])).toMatchObject({ ok: true });
    expect(await send(many("c", 300), ctx.admin, "admin")).toMatchObject({ ok: true });
    // An inviter who left: the inviter column is null for their rows.
    const leaver = await db.user.create({
      data: { email: "leaver@example.com", emailCanonical: "leaver@example.com", name: "Leaver" },
    });
    await db.membership.create({ data: { teamId: ctx.team.id, userId: leaver.id, roleId: ctx.roles.admin.id } });
    expect(await send(many("d", 60), leaver, "member")).toMatchObject({ ok: true });
    await db.membership.deleteMany({ where: { userId: leaver.id } });
    await db.user.delete({ where: { id: leaver.id } });
    const someB = await db.invitation.findMany({ where: { teamId: ctx.team.id, email: { startsWith: "b1" } } });
    for (const invitation of someB) await withdrawInvitation(asActor(ctx.owner), ctx.ref, invitation.id);

    const actor = asActor(ctx.admin);
    const queries = [
      {},
      { sort: "email", order: "asc" },
      { sort: "role", order: "asc" },
      { sort: "inviter", order: "asc" },
      { sort: "inviter", order: "desc" },
      { sort: "status", order: "desc" },
      { sort: "delivery", order: "asc" },
      { status: "WITHDRAWN,PENDING", role: ctx.roles.admin.id, sort: "email", order: "desc" },
      { q: "c2", sort: "expiresAt", order: "asc" },
    ];
    for (const query of queries) {
      const rows = await exportRows(actor, ctx.ref, query);
      expect(rows[0]).toEqual(HEADER);
      const exported = rows.slice(1).map((row) => row[0]);
      const table = await tableEmails(actor, ctx.ref, query);
      expect(exported, JSON.stringify(query)).toEqual(table);
    }
    expect((await exportRows(actor, ctx.ref, {})).length - 1).toBeGreaterThan(EXPORT_PAGE_ROWS * 2);
  });

  it("writes the import's columns first, defuses formulas, and answers only members.manage in the team", async () => {
    const ctx = await createTeamWithMembers(db);
    const other = await createTeamWithMembers(db);
    const formula = await db.group.create({ data: { teamId: ctx.team.id, name: '=HYPERLINK("http://evil","x")' } });
    await inviteMembersByReference(asActor(ctx.admin), ctx.ref, {
      emails: ["ada@example.com"],
      role: "member",
      groups: [formula.id, ctx.groups[1]!.id],
      language: "fr",
    });
    const result = await streamInvitationsCsv(asActor(ctx.admin), ctx.ref, {});
    if (!result.ok) throw new Error(result.error);
    // Response.text() would drop the byte-order mark Excel needs: read the bytes.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(result.stream).arrayBuffer());
    expect(text.startsWith(`\uFEFF${HEADER.join(",")}\r\n`)).toBe(true);
    expect(text).toContain(`ada@example.com,Member,"'=HYPERLINK(""http://evil"",""x""); Sales",fr,pending,`);
    expect(result.fileName).toMatch(new RegExp(`^${ctx.team.slug}-invitations-\\d{4}-\\d{2}-\\d{2}\\.csv$`));

    expect(await streamInvitationsCsv(asActor(ctx.member), ctx.ref, {})).toMatchObject({ code: "FORBIDDEN" });
    expect(await streamInvitationsCsv(asActor(other.admin), ctx.ref, {})).toMatchObject({ code: "NOT_FOUND" });
    expect(await streamInvitationsCsv(asActor(ctx.admin), ctx.ref, { sort: "nope" })).toMatchObject({
      code: "INVALID",
    });

    const key = await createApiKey(asActor(ctx.admin), { name: "export", scopes: ["invitations:read"] });
    if (!key.ok) throw new Error(key.error);
    const call = (team: string, search = "") =>
      (exportRoute.GET as (r: Request, c: { params: Promise<{ team: string }> }) => Promise<Response>)(
        new Request(`http://localhost/api/v1/teams/${team}/invitations.csv${search}`, {
          headers: { authorization: `Bearer ${key.key}` },
        }),
        { params: Promise.resolve({ team }) },
      );
    const response = await call(ctx.team.slug, "?status=PENDING");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="/);
    expect(response.headers.get("ratelimit")).toBeTruthy();
    expect(await response.text()).toContain("ada@example.com");
    const foreign = await call(other.team.slug);
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get("content-type")).toMatch(/problem\+json/);
    expect((await call(ctx.team.slug, "?order=sideways")).status).toBe(400);
  });
});
