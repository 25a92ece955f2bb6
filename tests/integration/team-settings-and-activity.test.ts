import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { listTeamActivity } from "@/lib/audit/list-team-activity";
import type { AuditAction } from "@/lib/audit/audit-actions";
import { en as english } from "@/lib/i18n/catalogues/en";
import { inviteMembers } from "@/lib/invitations/invite-members";
import { withdrawInvitation } from "@/lib/invitations/withdraw-invitation";
import { readTeamSettings } from "@/lib/teams/read-team-settings";
import { teamSettingsSchema } from "@/lib/teams/team-settings-schema";
import { updateTeamSettings } from "@/lib/teams/update-team-settings";
import { asActor, createTeamWithMembers, createUser } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

const { db } = getTestDatabase();
const en = english.teamSettings;
const schema = teamSettingsSchema(en.general.errors);
const settings = (input: Record<string, unknown>) =>
  schema.parse({ name: "Team", invitationLifetimeDays: 7, seatLimit: null, ...input });
const teamRow = (id: string) =>
  db.team.findUniqueOrThrow({ where: { id }, select: { name: true, invitationLifetimeDays: true, seatLimit: true } });
const DAY = 24 * 60 * 60 * 1000;

describe("team General settings", () => {
  it("only owners (team.manage) read or change them; admins and members are refused, strangers see no team", async () => {
    const ctx = await createTeamWithMembers(db);
    const outsider = await createUser(db);
    const before = await teamRow(ctx.team.id);
    const change = settings({ name: "Renamed", invitationLifetimeDays: 3, seatLimit: 50 });
    expect(await updateTeamSettings(asActor(ctx.admin), ctx.ref, change, en.general)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      error: en.general.errors.forbidden,
    });
    expect(await updateTeamSettings(asActor(ctx.member), ctx.ref, change, en.general)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await updateTeamSettings(asActor(outsider), ctx.ref, change, en.general)).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await updateTeamSettings(null, ctx.ref, change, en.general)).toMatchObject({
      ok: false,
      code: "UNAUTHENTICATED",
    });
    expect(await readTeamSettings(asActor(ctx.admin), ctx.ref)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await teamRow(ctx.team.id)).toEqual(before);
    expect(await db.auditEvent.count({ where: { teamId: ctx.team.id, action: "team.settings_changed" } })).toBe(0);

    expect(await updateTeamSettings(asActor(ctx.owner), ctx.ref, change, en.general)).toMatchObject({
      ok: true,
      changed: ["name", "invitationLifetimeDays", "seatLimit"],
    });
    expect(await teamRow(ctx.team.id)).toEqual({ name: "Renamed", invitationLifetimeDays: 3, seatLimit: 50 });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { teamId: ctx.team.id, action: "team.settings_changed" },
    });
    expect(audit).toMatchObject({ actorId: ctx.owner.id, targetType: "team", targetId: ctx.team.id });
    expect(audit.metadata).toEqual({
      changes: {
        name: { from: before.name, to: "Renamed" },
        invitationLifetimeDays: { from: 7, to: 3 },
        seatLimit: { from: null, to: 50 },
      },
    });
    // Saving the same values again writes nothing.
    expect(await updateTeamSettings(asActor(ctx.owner), ctx.ref, change, en.general)).toMatchObject({
      ok: true,
      changed: [],
    });
    expect(await db.auditEvent.count({ where: { teamId: ctx.team.id, action: "team.settings_changed" } })).toBe(1);
  });

  it("the migration gives team.manage to the owners of teams that existed before it, not to admins", async () => {
    const ctx = await createTeamWithMembers(db);
    // As the roles were before the permission existed.
    await db.$executeRaw`UPDATE "Role" SET "permissions" = array_remove("permissions", 'team.manage') WHERE "teamId" = ${ctx.team.id}::uuid`;
    expect(
      await updateTeamSettings(asActor(ctx.owner), ctx.ref, settings({ name: "Before" }), en.general),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const migration = readFileSync(
      "prisma/migrations/20261127220000_team_manage_and_activity_indexes/migration.sql",
      "utf8",
    );
    await db.$executeRawUnsafe(migration.slice(migration.indexOf('UPDATE "Role"')));
    const roles = await db.role.findMany({ where: { teamId: ctx.team.id }, select: { key: true, permissions: true } });
    expect(Object.fromEntries(roles.map((r) => [r.key, r.permissions.includes("team.manage")]))).toEqual({
      owner: true,
      admin: false,
      member: false,
    });
    expect(
      await updateTeamSettings(asActor(ctx.owner), ctx.ref, settings({ name: "After" }), en.general),
    ).toMatchObject({ ok: true });
  });

  it("refuses a lifetime outside 1–30 days, an empty or multi-line name and a seat limit below 1", () => {
    for (const input of [
      { invitationLifetimeDays: 0 },
      { invitationLifetimeDays: 31 },
      { invitationLifetimeDays: 2.5 },
      { invitationLifetimeDays: Number.NaN },
      { name: "   " },
      { name: "A\nB" },
      { name: "x".repeat(81) },
      { seatLimit: 0 },
      { seatLimit: 100_001 },
    ]) {
      expect(
        schema.safeParse({ name: "Team", invitationLifetimeDays: 7, seatLimit: null, ...input }).success,
        JSON.stringify(input),
      ).toBe(false);
    }
    expect(schema.safeParse({ name: "Team", invitationLifetimeDays: 30, seatLimit: null, extra: 1 }).success).toBe(
      false,
    );
    expect(schema.parse({ name: "  Team  ", invitationLifetimeDays: 1, seatLimit: 1 })).toMatchObject({
      name: "Team",
      checkboxes: {},
    });
  });

  it("a new invitation expires after the team's lifetime once an owner changes it", async () => {
    const ctx = await createTeamWithMembers(db);
    expect(
      await updateTeamSettings(
        asActor(ctx.owner),
        ctx.ref,
        settings({ name: ctx.team.name, invitationLifetimeDays: 3 }),
        en.general,
      ),
    ).toMatchObject({ ok: true });
    const started = Date.now();
    expect(
      await inviteMembers(asActor(ctx.admin), ctx.ref, {
        emails: "three-days@example.com",
        roleId: ctx.roles.member.id,
      }),
    ).toMatchObject({ ok: true });
    const invitation = await db.invitation.findFirstOrThrow({
      where: { teamId: ctx.team.id, emailCanonical: "three-days@example.com" },
    });
    expect(Math.abs(invitation.expiresAt.getTime() - started - 3 * DAY)).toBeLessThan(60_000);
  });

  it("the seat limit cannot go below members plus pending invitations (expired ones hold no seat)", async () => {
    const ctx = await createTeamWithMembers(db); // 3 members
    await inviteMembers(asActor(ctx.admin), ctx.ref, {
      emails: "p1@example.com, p2@example.com, old@example.com",
      roleId: ctx.roles.member.id,
    });
    await db.invitation.updateMany({
      where: { teamId: ctx.team.id, emailCanonical: "old@example.com" },
      data: { expiresAt: new Date(Date.now() - DAY) },
    });
    const name = ctx.team.name;
    const refused = await updateTeamSettings(asActor(ctx.owner), ctx.ref, settings({ name, seatLimit: 4 }), en.general);
    expect(refused).toMatchObject({
      ok: false,
      code: "CONFLICT",
      error: en.general.errors.seatLimitBelowUsed(5),
      fieldErrors: { seatLimit: [en.general.errors.seatLimitBelowUsed(5)] },
    });
    expect((await teamRow(ctx.team.id)).seatLimit).toBeNull();
    expect(
      await updateTeamSettings(asActor(ctx.owner), ctx.ref, settings({ name, seatLimit: 5 }), en.general),
    ).toMatchObject({ ok: true });
    expect(await readTeamSettings(asActor(ctx.owner), ctx.ref)).toMatchObject({
      ok: true,
      settings: { seatLimit: 5 },
      seats: { members: 3, pending: 2 },
    });
    // A team already over its limit (a member joined before it was lowered elsewhere) can still be renamed.
    await db.team.update({ where: { id: ctx.team.id }, data: { seatLimit: 2 } });
    expect(
      await updateTeamSettings(asActor(ctx.owner), ctx.ref, settings({ name: "Still over", seatLimit: 2 }), en.general),
    ).toMatchObject({ ok: true, changed: ["name"] });
    expect(
      await updateTeamSettings(asActor(ctx.owner), ctx.ref, settings({ name: "Still over", seatLimit: 3 }), en.general),
    ).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(
      await updateTeamSettings(
        asActor(ctx.owner),
        ctx.ref,
        settings({ name: "Still over", seatLimit: null }),
        en.general,
      ),
    ).toMatchObject({ ok: true });
  });
});

describe("team activity log", () => {
  async function seedEvents(teamId: string, actors: string[], count: number) {
    const actions: AuditAction[] = [
      "invitation.created",
      "invitation.withdrawn",
      "member.removed",
      "invitation.resent",
    ];
    const base = Date.UTC(2026, 0, 1);
    // Pairs of events share a timestamp, so ties must break by id.
    await db.auditEvent.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        teamId,
        actorId: actors[i % actors.length]!,
        action: actions[i % actions.length]!,
        targetType: "invitation",
        targetId: null,
        metadata: { email: `e${i}@example.com` },
        createdAt: new Date(base + Math.floor(i / 2) * 1000),
      })),
    });
  }

  async function walk(actor: ReturnType<typeof asActor>, ref: { teamId: string }, filters: Record<string, string>) {
    const seen: string[] = [];
    let after: string | undefined;
    for (let guard = 0; guard < 100; guard += 1) {
      const page = await listTeamActivity(actor, ref, { ...filters, perPage: "10", ...(after ? { after } : {}) });
      if (!page.ok) throw new Error(page.error);
      seen.push(...page.entries.map((e) => e.id));
      if (!page.olderCursor) return seen;
      after = page.olderCursor;
    }
    throw new Error("did not end");
  }

  it("pages newest first by keyset, forwards and back, and filters by kind and by person", async () => {
    const ctx = await createTeamWithMembers(db);
    const other = await createTeamWithMembers(db);
    await seedEvents(ctx.team.id, [ctx.owner.id, ctx.admin.id], 47);
    await seedEvents(other.team.id, [other.owner.id], 5);
    const all = await db.auditEvent.findMany({
      where: { teamId: ctx.team.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, action: true, actorId: true },
    });

    expect(await walk(asActor(ctx.admin), ctx.ref, {})).toEqual(all.map((e) => e.id));
    const kinds = ["invitation.withdrawn", "member.removed"];
    expect(await walk(asActor(ctx.admin), ctx.ref, { kind: kinds.join(",") })).toEqual(
      all.filter((e) => kinds.includes(e.action)).map((e) => e.id),
    );
    expect(await walk(asActor(ctx.admin), ctx.ref, { person: ctx.admin.id })).toEqual(
      all.filter((e) => e.actorId === ctx.admin.id).map((e) => e.id),
    );
    expect(await walk(asActor(ctx.admin), ctx.ref, { person: ctx.owner.id, kind: "invitation.created" })).toEqual(
      all.filter((e) => e.actorId === ctx.owner.id && e.action === "invitation.created").map((e) => e.id),
    );

    // Back from the third page lands on the second, exactly.
    const first = await listTeamActivity(asActor(ctx.admin), ctx.ref, { perPage: "10" });
    if (!first.ok) throw new Error(first.error);
    expect(first.newerCursor).toBeNull();
    const second = await listTeamActivity(asActor(ctx.admin), ctx.ref, { perPage: "10", after: first.olderCursor! });
    if (!second.ok) throw new Error(second.error);
    const third = await listTeamActivity(asActor(ctx.admin), ctx.ref, { perPage: "10", after: second.olderCursor! });
    if (!third.ok) throw new Error(third.error);
    const back = await listTeamActivity(asActor(ctx.admin), ctx.ref, { perPage: "10", before: third.newerCursor! });
    if (!back.ok) throw new Error(back.error);
    expect(back.entries.map((e) => e.id)).toEqual(second.entries.map((e) => e.id));
    const top = await listTeamActivity(asActor(ctx.admin), ctx.ref, { perPage: "10", before: back.newerCursor! });
    if (!top.ok) throw new Error(top.error);
    expect(top.entries.map((e) => e.id)).toEqual(first.entries.map((e) => e.id));
    expect(top.newerCursor).toBeNull();

    // The person filter offers everyone who acted here, and nobody from another team.
    expect(first.people.map((p) => p.value).sort()).toEqual([ctx.owner.id, ctx.admin.id].sort());
  });

  it("records real actions with their actor and target, and is only for members.manage", async () => {
    const ctx = await createTeamWithMembers(db);
    const invited = await inviteMembers(asActor(ctx.admin), ctx.ref, {
      emails: "ada@example.com",
      roleId: ctx.roles.member.id,
    });
    if (!invited.ok) throw new Error(invited.error);
    await withdrawInvitation(asActor(ctx.owner), ctx.ref, invited.results[0]!.invitationId!);
    const result = await listTeamActivity(asActor(ctx.admin), ctx.ref, {});
    if (!result.ok) throw new Error(result.error);
    expect(result.entries.map((e) => [e.action, e.actor?.id, e.target])).toEqual([
      ["invitation.withdrawn", ctx.owner.id, "ada@example.com"],
      ["invitation.created", ctx.admin.id, "ada@example.com"],
    ]);
    expect(result.entries[1]!.detail).toEqual({ kind: "role", role: "Member" });

    expect(await listTeamActivity(asActor(ctx.member), ctx.ref, {})).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await listTeamActivity(asActor(await createUser(db)), ctx.ref, {})).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await listTeamActivity(asActor(ctx.admin), ctx.ref, { after: "bm90LWEtY3Vyc29y" })).toMatchObject({
      ok: false,
      code: "INVALID",
    });
    expect(await listTeamActivity(asActor(ctx.admin), ctx.ref, { kind: "invitation.hacked" })).toMatchObject({
      ok: false,
      code: "INVALID",
    });
  });
});
