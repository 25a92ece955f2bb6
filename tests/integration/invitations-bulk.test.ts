import { describe, expect, it, vi } from "vitest";
import { asActor, createTeamWithMembers, createUser } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

vi.hoisted(() => {
  process.env.INVITES_PER_TEAM_PER_HOUR = "5000";
  process.env.INVITES_PER_INVITER_PER_HOUR = "5000";
});

const { acceptInvitationByToken: acceptInvitation } = await import("@/lib/invitations/accept-invitation-by-token");
const { applyBulkInvitationAction } = await import("@/lib/invitations/apply-bulk-invitation-action");
const { countInvitationsByStatus } = await import("@/lib/invitations/count-invitations-by-status");
const { getInvitationLink } = await import("@/lib/invitations/get-invitation-link");
const { inviteMembers } = await import("@/lib/invitations/invite-members");
const { BULK_INVITATION_LIMIT, BULK_OPERATIONS_PER_HOUR } = await import("@/lib/invitations/bulk-invitation-schemas");
const { createApiKey } = await import("@/lib/api-keys/create-api-key");
const bulkRoute = await import("@/app/api/v1/teams/[team]/invitations/bulk/route");

// Bulk actions go through the single-invitation functions row by row; these prove the set-level
// promises: the right rows, the right summary, nothing else touched, and races that stay consistent.
const { db, engine } = getTestDatabase();

type Ctx = Awaited<ReturnType<typeof createTeamWithMembers>>;
const noFilter = { status: [], role: [], inviter: [], q: undefined };

async function invite(ctx: Ctx, emails: string[], role: "admin" | "member" | "owner" = "member") {
  const result = await inviteMembers(asActor(role === "owner" ? ctx.owner : ctx.admin), ctx.ref, {
    emails: emails.join("\n"),
    roleId: ctx.roles[role].id,
  });
  if (!result.ok) throw new Error(result.error);
  return result.results.map((row) => row.invitationId!);
}

/** Five pending invitations, then one each moved to accepted, declined and expired; one to the owner role. */
async function mixedTeam(prefix: string) {
  const ctx = await createTeamWithMembers(db);
  const [pendingA, pendingB, accepted, declined, expired] = await invite(
    ctx,
    ["a", "b", "c", "d", "e"].map((name) => `${prefix}-${name}@example.com`),
  );
  const [ownerRole] = await invite(ctx, [`${prefix}-owner@example.com`], "owner");
  await db.invitation.update({ where: { id: accepted! }, data: { status: "ACCEPTED", pendingKey: null } });
  await db.invitation.update({ where: { id: declined! }, data: { status: "DECLINED", pendingKey: null } });
  await db.invitation.update({ where: { id: expired! }, data: { expiresAt: new Date(Date.now() - 60_000) } });
  return {
    ctx,
    ids: {
      pendingA: pendingA!,
      pendingB: pendingB!,
      accepted: accepted!,
      declined: declined!,
      expired: expired!,
      ownerRole: ownerRole!,
    },
  };
}

const snapshot = (teamId: string) =>
  db.invitation.findMany({
    where: { teamId },
    orderBy: { id: "asc" },
    select: { id: true, status: true, sendCount: true, expiresAt: true, updatedAt: true },
  });

describe(`bulk invitation actions (${engine})`, () => {
  it("withdraw by ids: pending ones withdrawn, the rest skipped with reasons, another team's id not even read", async () => {
    const { ctx, ids } = await mixedTeam("bw");
    const other = await createTeamWithMembers(db);
    const [foreign] = await invite(other, ["bw-foreign@example.com"]);
    const otherBefore = await snapshot(other.team.id);

    const result = await applyBulkInvitationAction(asActor(ctx.admin), ctx.ref, {
      action: "withdraw",
      target: { ids: [...Object.values(ids), foreign!] },
    });

    expect(result).toMatchObject({
      ok: true,
      action: "withdraw",
      matched: 6,
      done: 2,
      skipped: 4,
      skippedBy: { accepted: 1, declined: 1, expired: 1, not_permitted: 1 },
    });
    expect(await snapshot(other.team.id)).toEqual(otherBefore);
    const rows = new Map((await snapshot(ctx.team.id)).map((row) => [row.id, row.status]));
    expect(rows.get(ids.pendingA)).toBe("WITHDRAWN");
    expect(rows.get(ids.pendingB)).toBe("WITHDRAWN");
    expect(rows.get(ids.expired)).toBe("PENDING");
    expect(rows.get(ids.ownerRole)).toBe("PENDING");
    const events = await db.auditEvent.findMany({ where: { teamId: ctx.team.id, action: "invitation.withdrawn" } });
    expect(events.map((event) => event.targetId).sort()).toEqual([ids.pendingA, ids.pendingB].sort());
  });

  it("resend all matching a filter: only the rows the list would show, expired ones revived", async () => {
    const { ctx, ids } = await mixedTeam("br");
    const [outside] = await invite(ctx, ["zz-outside@example.com"]);
    const before = new Map((await snapshot(ctx.team.id)).map((row) => [row.id, row]));

    const result = await applyBulkInvitationAction(asActor(ctx.admin), ctx.ref, {
      action: "resend",
      target: { filter: { ...noFilter, status: ["PENDING", "EXPIRED", "ACCEPTED"], q: "br-" } },
    });

    // pendingA, pendingB, expired resent; accepted skipped; the owner-role row is beyond an admin.
    expect(result).toMatchObject({
      ok: true,
      matched: 5,
      done: 3,
      skipped: 2,
      skippedBy: { accepted: 1, not_permitted: 1 },
    });
    const after = new Map((await snapshot(ctx.team.id)).map((row) => [row.id, row]));
    for (const id of [ids.pendingA, ids.pendingB, ids.expired]) {
      expect(after.get(id)!.sendCount).toBe(before.get(id)!.sendCount + 1);
    }
    expect(after.get(ids.expired)!.expiresAt.getTime()).toBeGreaterThan(Date.now());
    for (const id of [outside!, ids.declined, ids.accepted, ids.ownerRole])
      expect(after.get(id)).toEqual(before.get(id));
    expect(await db.auditEvent.count({ where: { teamId: ctx.team.id, action: "invitation.resent" } })).toBe(3);
  });

  it("delete all matching a filter removes exactly those rows, one audit event each", async () => {
    const { ctx, ids } = await mixedTeam("bd");
    const result = await applyBulkInvitationAction(asActor(ctx.owner), ctx.ref, {
      action: "delete",
      target: { filter: { ...noFilter, status: ["ACCEPTED", "DECLINED"] } },
    });
    expect(result).toMatchObject({ ok: true, matched: 2, done: 2, skipped: 0, skippedBy: {} });
    const left = (await snapshot(ctx.team.id)).map((row) => row.id).sort();
    expect(left).toEqual([ids.pendingA, ids.pendingB, ids.expired, ids.ownerRole].sort());
    const deleted = await db.auditEvent.findMany({ where: { teamId: ctx.team.id, action: "invitation.deleted" } });
    expect(deleted.map((event) => event.targetId).sort()).toEqual([ids.accepted, ids.declined].sort());
  });

  it("a member without members.manage is refused and an outsider finds no team; nothing changes", async () => {
    const { ctx, ids } = await mixedTeam("bp");
    const outsider = await createUser(db);
    const before = await snapshot(ctx.team.id);
    for (const action of ["resend", "withdraw", "delete"] as const) {
      const byMember = await applyBulkInvitationAction(asActor(ctx.member), ctx.ref, {
        action,
        target: { ids: Object.values(ids) },
      });
      expect(byMember).toMatchObject({ ok: false, code: "FORBIDDEN" });
      const byOutsider = await applyBulkInvitationAction(asActor(outsider), ctx.ref, {
        action,
        target: { filter: noFilter },
      });
      expect(byOutsider).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await applyBulkInvitationAction(null, ctx.ref, { action, target: { filter: noFilter } })).toMatchObject({
        ok: false,
        code: "UNAUTHENTICATED",
      });
    }
    expect(await snapshot(ctx.team.id)).toEqual(before);
  });

  it(`refuses "all matching" beyond ${BULK_INVITATION_LIMIT} invitations without touching any`, async () => {
    const ctx = await createTeamWithMembers(db);
    await db.$executeRaw`
      INSERT INTO "Invitation" ("id", "teamId", "email", "emailCanonical", "roleId", "pendingKey", "updatedAt", "expiresAt", "tokenHash", "tokenSealed")
      SELECT gen_random_uuid(), ${ctx.team.id}::uuid, 'many-' || n || '@example.com', 'many-' || n || '@example.com', ${ctx.roles.member.id}::uuid,
             'many-' || n || '@example.com', now(), now() + interval '7 days', md5(${ctx.team.id} || n), 'sealed'
      FROM generate_series(1, ${BULK_INVITATION_LIMIT + 1}) AS n`;
    const result = await applyBulkInvitationAction(asActor(ctx.admin), ctx.ref, {
      action: "withdraw",
      target: { filter: noFilter },
    });
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
    expect(!result.ok && result.error).toContain("at most 1,000");
    expect(await db.invitation.count({ where: { teamId: ctx.team.id, status: "PENDING" } })).toBe(
      BULK_INVITATION_LIMIT + 1,
    );
    // A filter that narrows it below the limit goes through.
    const narrowed = await applyBulkInvitationAction(asActor(ctx.admin), ctx.ref, {
      action: "withdraw",
      target: { filter: { ...noFilter, q: "many-1000" } },
    });
    expect(narrowed).toMatchObject({ ok: true, matched: 1, done: 1 });
  });

  it(`limits each member to ${BULK_OPERATIONS_PER_HOUR} bulk actions per team and hour`, async () => {
    const { ctx, ids } = await mixedTeam("bl");
    for (let i = 0; i < BULK_OPERATIONS_PER_HOUR; i += 1) {
      const result = await applyBulkInvitationAction(asActor(ctx.admin), ctx.ref, {
        action: "withdraw",
        target: { ids: [ids.accepted] },
      });
      expect(result).toMatchObject({ ok: true, skippedBy: { accepted: 1 } });
    }
    const refused = await applyBulkInvitationAction(asActor(ctx.admin), ctx.ref, {
      action: "withdraw",
      target: { ids: [ids.pendingA] },
    });
    expect(refused).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(!refused.ok && refused.retryAfterSeconds).toBeGreaterThan(0);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: ids.pendingA } })).status).toBe("PENDING");
    // Another member of the team has a budget of their own.
    expect(
      await applyBulkInvitationAction(asActor(ctx.owner), ctx.ref, {
        action: "withdraw",
        target: { ids: [ids.pendingA] },
      }),
    ).toMatchObject({ ok: true, done: 1 });
  });

  it("bulk withdraw racing accepts: every invitation ends either accepted (and a member) or withdrawn, and the summary says which", async () => {
    const ctx = await createTeamWithMembers(db);
    const emails = Array.from({ length: 12 }, (_, i) => `race-${i}@example.com`);
    const ids = await invite(ctx, emails);
    const invitees = await Promise.all(emails.map((email) => createUser(db, { email })));
    const tokens = await Promise.all(
      ids.map(async (id) => {
        const link = await getInvitationLink(asActor(ctx.admin), ctx.ref, id);
        if (!link.ok) throw new Error(link.error);
        return link.url.split("/invite/")[1]!;
      }),
    );

    const [bulk, ...accepts] = await Promise.all([
      applyBulkInvitationAction(asActor(ctx.admin), ctx.ref, { action: "withdraw", target: { filter: noFilter } }),
      ...invitees.map((user, i) => acceptInvitation(asActor(user), tokens[i]!)),
    ]);

    if (!bulk.ok) throw new Error(bulk.error);
    const rows = await db.invitation.findMany({ where: { teamId: ctx.team.id }, select: { id: true, status: true } });
    const outcome = new Map(bulk.outcomes.map((row) => [row.id, row]));
    expect(bulk.matched).toBe(12);
    for (const [i, id] of ids.entries()) {
      const status = rows.find((row) => row.id === id)!.status;
      const member = await db.membership.findUnique({
        where: { teamId_userId: { teamId: ctx.team.id, userId: invitees[i]!.id } },
      });
      expect(["ACCEPTED", "WITHDRAWN"]).toContain(status);
      if (status === "ACCEPTED") {
        expect(accepts[i]).toMatchObject({ ok: true });
        expect(member).not.toBeNull();
        expect(outcome.get(id)).toEqual({ id, outcome: "skipped", reason: "accepted" });
      } else {
        expect(accepts[i]).toMatchObject({ ok: false });
        expect(member).toBeNull();
        expect(outcome.get(id)).toEqual({ id, outcome: "done" });
      }
    }
    expect(bulk.done).toBe(rows.filter((row) => row.status === "WITHDRAWN").length);
    expect(bulk.skipped).toBe(rows.filter((row) => row.status === "ACCEPTED").length);
    expect(await db.auditEvent.count({ where: { teamId: ctx.team.id, action: "invitation.withdrawn" } })).toBe(
      bulk.done,
    );
  });

  it("counts each status of the team, expired split from pending by the clock, other teams not counted", async () => {
    const { ctx } = await mixedTeam("bc");
    const other = await createTeamWithMembers(db);
    await invite(other, ["bc-other@example.com"]);
    await db.invitation.updateMany({
      where: { teamId: ctx.team.id, emailCanonical: "bc-b@example.com" },
      data: { status: "WITHDRAWN", pendingKey: null },
    });
    const counted = await countInvitationsByStatus(asActor(ctx.admin), ctx.ref);
    expect(counted).toEqual({
      ok: true,
      counts: {
        PENDING: { count: 2, capped: false },
        EXPIRED: { count: 1, capped: false },
        ACCEPTED: { count: 1, capped: false },
        DECLINED: { count: 1, capped: false },
        WITHDRAWN: { count: 1, capped: false },
      },
    });
    expect(await countInvitationsByStatus(asActor(ctx.member), ctx.ref)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
  });

  it("the REST endpoint answers the summary and per-row results; a body naming both ids and a filter is a 400", async () => {
    const { ctx, ids } = await mixedTeam("ba");
    const created = await createApiKey(asActor(ctx.admin), { name: "bulk", scopes: ["invitations:write"] });
    if (!created.ok) throw new Error(created.error);
    const post = (body: unknown) =>
      bulkRoute.POST(
        new Request("http://localhost/api/v1/teams/x/invitations/bulk", {
          method: "POST",
          headers: { authorization: `Bearer ${created.key}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({ team: ctx.team.slug }) },
      );
    const response = await post({ action: "withdraw", target: { ids: [ids.pendingA, ids.accepted] } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      action: "withdraw",
      summary: "1 withdrawn, 1 skipped: already accepted",
      matched: 2,
      done: 1,
      skipped: 1,
      skippedBy: { accepted: 1 },
      results: expect.arrayContaining([
        { id: ids.pendingA, outcome: "done" },
        { id: ids.accepted, outcome: "skipped", reason: "accepted" },
      ]),
    });
    const both = await post({ action: "delete", target: { ids: [ids.pendingB], filter: {} } });
    expect(both.status).toBe(400);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: ids.pendingB } })).status).toBe("PENDING");
    expect((await post({ action: "archive", target: { ids: [ids.pendingB] } })).status).toBe(400);
  });
});
