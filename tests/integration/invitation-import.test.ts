import { describe, expect, it, vi } from "vitest";
import { asActor, createTeamWithMembers, createUser } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

vi.hoisted(() => {
  process.env.RESEND_API_KEY = "";
  process.env.INVITES_PER_TEAM_PER_HOUR = "300";
  process.env.INVITES_PER_INVITER_PER_HOUR = "1000";
});

const { startInvitationImport } = await import("@/lib/invitations/start-invitation-import");
const { previewInvitationImport } = await import("@/lib/invitations/preview-invitation-import");
const { processInvitationImports, IMPORT_CHUNK_ROWS } = await import("@/lib/invitations/process-invitation-imports");
const { readInvitationImport } = await import("@/lib/invitations/read-invitation-import");
const { listRecentInvitationImports } = await import("@/lib/invitations/list-recent-invitation-imports");

const { db } = getTestDatabase();

const csvOf = (lines: string[]) => ["email,role,groups,language", ...lines].join("\n");
const addresses = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}-${i}@example.com`);

async function drain() {
  let runs = 0;
  while ((await processInvitationImports({ chunks: 1 })).more) runs += 1;
  return runs;
}

describe("CSV imports", () => {
  it("previews every row by the invite dialog's rules without writing anything", async () => {
    const ctx = await createTeamWithMembers(db);
    const csv = csvOf([
      "new@example.com,member,Engineering,fr",
      `${ctx.member.email},member,,`,
      "not-an-address,member,,",
      "new@example.com,member,,",
      "other@example.com,owner,,",
      "third@example.com,nosuchrole,,",
      "fourth@example.com,,NoSuchGroup,",
      "fifth@example.com,member,,de",
    ]);
    const result = await previewInvitationImport(asActor(ctx.admin), ctx.ref, {
      fileName: "people.csv",
      csv,
      roleId: ctx.roles.member.id,
    });
    if (!result.ok) throw new Error(result.error);
    expect(result.rows.map((row) => [row.row, row.outcome])).toEqual([
      [2, "invited"],
      [3, "already_member"],
      [4, "invalid"],
      [5, "duplicate"],
      [6, "not_permitted"],
      [7, "invalid"],
      [8, "invalid"],
      [9, "invalid"],
    ]);
    expect(result.rows[0]).toMatchObject({
      language: "fr",
      groups: [{ name: "Engineering" }],
      role: { name: "Member" },
    });
    expect(result.rows[5]!.reason).toBe("Unknown role: nosuchrole");
    expect(result.rows[6]!.reason).toBe("Unknown group: NoSuchGroup");
    expect(await db.invitation.count({ where: { teamId: ctx.team.id } })).toBe(0);
    expect(await db.invitationImport.count({ where: { teamId: ctx.team.id } })).toBe(0);
  });

  it("processes a long file in chunks from the background loop, with per-row results", async () => {
    const ctx = await createTeamWithMembers(db);
    const valid = addresses(`bulk-${ctx.team.slug}`, 250);
    const lines = [
      ...valid.map(
        (email, i) => `${email},${i % 2 ? "member" : "Admin"},${i % 3 ? "Engineering;Sales" : ""},${i % 5 ? "" : "fr"}`,
      ),
      "broken,member,,",
      `${valid[0]},member,,`,
      `${ctx.member.email},member,,`,
    ];
    const started = await startInvitationImport(asActor(ctx.admin), ctx.ref, {
      fileName: "big.csv",
      csv: csvOf(lines),
      roleId: ctx.roles.member.id,
      message: "Welcome aboard",
    });
    if (!started.ok) throw new Error(started.error);
    expect(started.total).toBe(253);
    // Nothing was invited by the request itself; the rows judged at once are already settled.
    expect(await db.invitation.count({ where: { teamId: ctx.team.id } })).toBe(0);
    let job = await db.invitationImport.findUniqueOrThrow({ where: { id: started.importId } });
    expect(job).toMatchObject({ status: "PENDING", processed: 2, skipped: 2, invited: 0 });

    expect(await processInvitationImports({ chunks: 1 })).toEqual({ more: true });
    job = await db.invitationImport.findUniqueOrThrow({ where: { id: started.importId } });
    expect(job).toMatchObject({ status: "RUNNING", processed: 2 + IMPORT_CHUNK_ROWS });
    expect(await db.invitation.count({ where: { teamId: ctx.team.id } })).toBe(IMPORT_CHUNK_ROWS);

    await drain();
    job = await db.invitationImport.findUniqueOrThrow({ where: { id: started.importId } });
    expect(job).toMatchObject({ status: "DONE", processed: 253, invited: 250, skipped: 3 });
    expect(job.finishedAt).not.toBeNull();

    const invitations = await db.invitation.findMany({
      where: { teamId: ctx.team.id },
      include: { groups: true, role: true },
      orderBy: { emailCanonical: "asc" },
    });
    expect(invitations).toHaveLength(250);
    expect(invitations.every((i) => i.message === "Welcome aboard" && i.inviterId === ctx.admin.id)).toBe(true);
    const first = invitations.find((i) => i.email === valid[0])!;
    expect(first).toMatchObject({ language: "fr", role: { key: "admin" } });
    expect(first.groups).toHaveLength(0);
    const second = invitations.find((i) => i.email === valid[1])!;
    expect(second).toMatchObject({ language: "en", role: { key: "member" } });
    expect(second.groups).toHaveLength(2);
    expect(await db.emailOutbox.count({ where: { invitation: { teamId: ctx.team.id } } })).toBe(250);

    const page = await readInvitationImport(asActor(ctx.owner), ctx.ref, started.importId, { show: "skipped" });
    if (!page.ok) throw new Error(page.error);
    expect(page.rows.map((row) => [row.row, row.outcome])).toEqual([
      [252, "invalid"],
      [253, "duplicate"],
      [254, "already_member"],
    ]);
    const all = await readInvitationImport(asActor(ctx.admin), ctx.ref, started.importId, { page: "3" });
    if (!all.ok) throw new Error(all.error);
    expect(all.pageCount).toBe(3);
    expect(all.rows[0]).toMatchObject({ row: 202, outcome: "invited" });
  });

  it("waits for the team's hourly invitation quota instead of skipping rows", async () => {
    const ctx = await createTeamWithMembers(db);
    const started = await startInvitationImport(asActor(ctx.admin), ctx.ref, {
      fileName: "quota.csv",
      csv: csvOf(addresses(`quota-${ctx.team.slug}`, 350).map((email) => `${email},,,`)),
      roleId: ctx.roles.member.id,
    });
    if (!started.ok) throw new Error(started.error);
    await drain();
    const job = await db.invitationImport.findUniqueOrThrow({ where: { id: started.importId } });
    expect(job).toMatchObject({ status: "RUNNING", processed: 300, invited: 300, skipped: 0 });
    expect(job.error).toMatch(/Too many invitations this hour/);
    expect(job.nextRunAt.getTime()).toBeGreaterThan(Date.now());
    expect(await db.invitationImportRow.count({ where: { importId: job.id, outcome: null } })).toBe(50);
  });

  it("gives a team's last free seats to the first rows and skips the rest", async () => {
    // Three members and two free seats.
    const ctx = await createTeamWithMembers(db, { seatLimit: 5 });
    const started = await startInvitationImport(asActor(ctx.admin), ctx.ref, {
      fileName: "seats.csv",
      csv: csvOf(addresses(`seats-${ctx.team.slug}`, 4).map((email) => `${email},,,`)),
      roleId: ctx.roles.member.id,
    });
    if (!started.ok) throw new Error(started.error);
    await drain();
    const job = await db.invitationImport.findUniqueOrThrow({ where: { id: started.importId } });
    expect(job).toMatchObject({ status: "DONE", invited: 2, skipped: 2 });
    const rows = await db.invitationImportRow.findMany({ where: { importId: job.id }, orderBy: { line: "asc" } });
    expect(rows.map((row) => row.outcome)).toEqual(["invited", "invited", "seat_limit", "seat_limit"]);
    expect(rows[2]!.reason).toMatch(/free seats/);
  });

  it("needs members.manage, keeps imports within their team, and stops when the importer loses the right", async () => {
    const ctx = await createTeamWithMembers(db);
    const other = await createTeamWithMembers(db);
    const input = { fileName: "x.csv", csv: csvOf(["a@example.com,,,"]), roleId: ctx.roles.member.id };
    expect(await startInvitationImport(asActor(ctx.member), ctx.ref, input)).toMatchObject({ code: "FORBIDDEN" });
    expect(await previewInvitationImport(asActor(ctx.member), ctx.ref, input)).toMatchObject({ code: "FORBIDDEN" });
    const stranger = await createUser(db);
    expect(await startInvitationImport(asActor(stranger), ctx.ref, input)).toMatchObject({ code: "NOT_FOUND" });
    expect(await startInvitationImport(null, ctx.ref, input)).toMatchObject({ code: "UNAUTHENTICATED" });

    const started = await startInvitationImport(asActor(ctx.admin), ctx.ref, {
      ...input,
      csv: csvOf(addresses(`demoted-${ctx.team.slug}`, 3).map((email) => `${email},,,`)),
    });
    if (!started.ok) throw new Error(started.error);
    expect(await readInvitationImport(asActor(ctx.member), ctx.ref, started.importId, {})).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await readInvitationImport(asActor(other.admin), other.ref, started.importId, {})).toMatchObject({
      code: "NOT_FOUND",
    });

    await db.membership.update({
      where: { teamId_userId: { teamId: ctx.team.id, userId: ctx.admin.id } },
      data: { roleId: ctx.roles.member.id },
    });
    await drain();
    const job = await db.invitationImport.findUniqueOrThrow({ where: { id: started.importId } });
    expect(job).toMatchObject({ status: "FAILED", processed: 3, invited: 0, skipped: 3 });
    expect(await db.invitationImportRow.count({ where: { importId: job.id, outcome: "not_permitted" } })).toBe(3);
    expect(await db.invitation.count({ where: { teamId: ctx.team.id } })).toBe(0);
  });

  it("settles each row once when several processes carry the same imports at the same time", async () => {
    const ctx = await createTeamWithMembers(db);
    const jobs = [];
    for (const name of ["one", "two"]) {
      const started = await startInvitationImport(asActor(ctx.admin), ctx.ref, {
        fileName: `${name}.csv`,
        csv: csvOf(addresses(`race-${name}-${ctx.team.slug}`, 120).map((email) => `${email},,,`)),
        roleId: ctx.roles.member.id,
      });
      if (!started.ok) throw new Error(started.error);
      jobs.push(started.importId);
    }
    const worker = async () => {
      while ((await processInvitationImports({ chunks: 1 })).more);
    };
    await Promise.all([worker(), worker(), worker()]);
    // A lease another worker held when this one looked: drain what is left.
    await drain();
    for (const id of jobs) {
      const job = await db.invitationImport.findUniqueOrThrow({ where: { id } });
      expect(job).toMatchObject({ status: "DONE", total: 120, processed: 120, invited: 120, skipped: 0 });
    }
    expect(await db.invitation.count({ where: { teamId: ctx.team.id } })).toBe(240);
    expect(await db.emailOutbox.count({ where: { invitation: { teamId: ctx.team.id } } })).toBe(240);
  });

  it("refuses a file it cannot read, and records who started an import", async () => {
    const ctx = await createTeamWithMembers(db);
    const bad = await startInvitationImport(asActor(ctx.admin), ctx.ref, {
      fileName: "bad.csv",
      csv: "name\nAda",
      roleId: ctx.roles.member.id,
    });
    expect(bad).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { csv: [expect.stringContaining("email")] } });
    const good = await startInvitationImport(asActor(ctx.admin), ctx.ref, {
      fileName: "good.csv",
      csv: csvOf(["solo@example.com,,,"]),
      roleId: ctx.roles.member.id,
    });
    if (!good.ok) throw new Error(good.error);
    const recent = await listRecentInvitationImports(asActor(ctx.owner), ctx.ref);
    expect(recent).toMatchObject({ ok: true, imports: [{ id: good.importId, fileName: "good.csv", total: 1 }] });
    expect(await listRecentInvitationImports(asActor(ctx.member), ctx.ref)).toMatchObject({ code: "FORBIDDEN" });
    expect(
      await db.auditEvent.findFirst({ where: { teamId: ctx.team.id, action: "invitation.import_started" } }),
    ).toMatchObject({ actorId: ctx.admin.id, targetId: good.importId, metadata: { fileName: "good.csv", rows: 1 } });
  });
});
