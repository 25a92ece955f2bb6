import { describe, expect, it } from "vitest";
import { problemFromFailure } from "@/lib/api/problem";
import { runTransaction } from "@/lib/db/run-transaction";
import { acceptInvitationByToken } from "@/lib/invitations/accept-invitation-by-token";
import { declineInvitationByToken } from "@/lib/invitations/decline-invitation-by-token";
import { getInvitationLink } from "@/lib/invitations/get-invitation-link";
import { inviteMembers } from "@/lib/invitations/invite-members";
import { resetInvitationLink } from "@/lib/invitations/reset-invitation-link";
import { updateInvitation } from "@/lib/invitations/update-invitation";
import { changeMemberRole } from "@/lib/members/manage-member";
import { env } from "@/lib/env";
import { leaseSize } from "@/lib/rate-limit/create-leased-rate-limiter";
import { recipientRateLimitKey } from "@/lib/rate-limit/recipient-rate-limit-key";
import { asActor, createTeamWithMembers, createUser } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

// The races of issue 13, run through the app's pool: on PostgreSQL ten connections race for real
// (row locks, conditional updates, deadlock detection); PGlite serialises them, and the same
// assertions must hold there too. Every call is awaited through Promise.all, so a race that ends
// in an exception (a deadlock, a pool timeout: a 500 for the user) fails the test.
const { db, engine } = getTestDatabase();

type Ctx = Awaited<ReturnType<typeof createTeamWithMembers>>;

async function invite(ctx: Ctx, email: string, options: { role?: "admin" | "member"; groupIds?: string[] } = {}) {
  const result = await inviteMembers(asActor(ctx.admin), ctx.ref, {
    emails: email,
    roleId: ctx.roles[options.role ?? "member"].id,
    groupIds: options.groupIds,
  });
  if (!result.ok || result.results[0]?.outcome !== "invited") throw new Error(`not invited: ${JSON.stringify(result)}`);
  const id = result.results[0].invitationId!;
  const link = await getInvitationLink(asActor(ctx.admin), ctx.ref, id);
  if (!link.ok) throw new Error(link.error);
  return { id, token: link.url.split("/invite/")[1]! };
}

/** A fresh team every `every` rounds keeps each under its hourly invitation limit. */
function teams(every: number, options: { seatLimit?: number } = {}) {
  let ctx: Ctx | null = null;
  return async (round: number) => {
    if (!ctx || round % every === 0) ctx = await createTeamWithMembers(db, options);
    return ctx;
  };
}

const sorted = (ids: string[]) => [...ids].sort();

describe(`invitation lifecycle races (${engine})`, () => {
  it("accept racing an edit of the role and groups: the member joins with what the invitation says when it flipped", async () => {
    const teamFor = teams(45);
    let editsFirst = 0;
    for (let round = 0; round < 40; round += 1) {
      const ctx = await teamFor(round);
      const email = `edit-race-${round}@example.com`;
      const invitee = await createUser(db, { email });
      const { id, token } = await invite(ctx, email, { role: "admin", groupIds: [ctx.groups[0]!.id] });

      const [edit, accept] = await Promise.all([
        updateInvitation(asActor(ctx.admin), ctx.ref, id, {
          roleId: ctx.roles.member.id,
          groupIds: [ctx.groups[1]!.id],
        }),
        acceptInvitationByToken(asActor(invitee), token),
      ]);

      expect(accept).toMatchObject({ ok: true, alreadyMember: false });
      const invitation = await db.invitation.findUniqueOrThrow({
        where: { id },
        include: { groups: true, role: true },
      });
      const membership = await db.membership.findUniqueOrThrow({
        where: { teamId_userId: { teamId: ctx.team.id, userId: invitee.id } },
        include: { groups: true, role: true },
      });
      expect(invitation.status).toBe("ACCEPTED");
      expect(membership.roleId).toBe(invitation.roleId);
      expect(sorted(membership.groups.map((g) => g.groupId))).toEqual(sorted(invitation.groups.map((g) => g.groupId)));
      expect(accept.ok && accept.role.name).toBe(invitation.role.name);
      if (edit.ok) {
        editsFirst += 1;
        expect(membership.role.key).toBe("member");
      } else {
        expect(edit).toMatchObject({ code: "CONFLICT", error: "This invitation was already accepted." });
        expect(membership.role.key).toBe("admin");
      }
    }
    expect(editsFirst).toBeGreaterThanOrEqual(0);
  }, 120_000);

  it("accept racing the inviter's demotion never grants a role the inviter can no longer grant", async () => {
    const teamFor = teams(45);
    for (let round = 0; round < 20; round += 1) {
      const ctx = await teamFor(round);
      // Each round's inviter is a fresh admin, demoted to member while the invitee accepts.
      const inviter = await createUser(db, { email: `inviter-${round}-${ctx.team.slug}@example.com` });
      const inviterMembership = await db.membership.create({
        data: { teamId: ctx.team.id, userId: inviter.id, roleId: ctx.roles.admin.id },
      });
      const email = `demote-race-${round}@example.com`;
      const invitee = await createUser(db, { email });
      const invited = await inviteMembers(asActor(inviter), ctx.ref, { emails: email, roleId: ctx.roles.admin.id });
      const id = invited.ok ? invited.results[0]!.invitationId! : "";
      const link = await getInvitationLink(asActor(inviter), ctx.ref, id);
      const token = link.ok ? link.url.split("/invite/")[1]! : "";

      const [demote, accept] = await Promise.all([
        changeMemberRole(asActor(ctx.owner), ctx.ref, inviterMembership.id, ctx.roles.member.id),
        acceptInvitationByToken(asActor(invitee), token),
      ]);
      expect(demote).toMatchObject({ ok: true });
      const membership = await db.membership.findUnique({
        where: { teamId_userId: { teamId: ctx.team.id, userId: invitee.id } },
      });
      const events = await db.auditEvent.findMany({
        where: { teamId: ctx.team.id, OR: [{ targetId: id }, { targetId: inviterMembership.id }] },
        orderBy: { createdAt: "asc" },
      });
      if (accept.ok) {
        // Granted only while the inviter was still an admin: the accept committed before the demotion.
        expect(membership?.roleId).toBe(ctx.roles.admin.id);
        const order = events
          .map((e) => e.action)
          .filter((a) => a === "invitation.accepted" || a === "member.role_changed");
        expect(order).toEqual(["invitation.accepted", "member.role_changed"]);
      } else {
        expect(accept).toMatchObject({ code: "FORBIDDEN" });
        expect(membership).toBeNull();
        expect((await db.invitation.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
      }
    }
  }, 120_000);

  for (const seatLimit of [undefined, 100]) {
    it(`a link reset racing an accept of the old link: exactly one wins, nobody gets an error (${seatLimit ? "with" : "without"} a seat limit)`, async () => {
      const teamFor = teams(40, { seatLimit });
      let accepted = 0;
      let resent = 0;
      for (let round = 0; round < 40; round += 1) {
        const ctx = await teamFor(round);
        const email = `resend-race-${seatLimit ?? "open"}-${round}@example.com`;
        const invitee = await createUser(db, { email });
        const { id, token } = await invite(ctx, email);

        const [resend, accept] = await Promise.all([
          resetInvitationLink(asActor(ctx.admin), ctx.ref, id),
          acceptInvitationByToken(asActor(invitee), token),
        ]);

        const invitation = await db.invitation.findUniqueOrThrow({ where: { id } });
        const memberships = await db.membership.count({ where: { teamId: ctx.team.id, userId: invitee.id } });
        expect(resend.ok !== accept.ok).toBe(true);
        if (accept.ok) {
          accepted += 1;
          expect(resend).toMatchObject({ ok: false, code: "CONFLICT" });
          expect(invitation).toMatchObject({ status: "ACCEPTED", sendCount: 1 });
          expect(memberships).toBe(1);
        } else {
          resent += 1;
          // The old link died with the rotation: accepting through it answers like an unknown link.
          expect(accept).toMatchObject({ ok: false, code: "NOT_FOUND" });
          expect(invitation).toMatchObject({ status: "PENDING", sendCount: 2 });
          expect(memberships).toBe(0);
        }
      }
      expect(accepted + resent).toBe(40);
    }, 120_000);
  }

  it("repeating your own accept at once (double click, two tabs) succeeds every time, joining once", async () => {
    const ctx = await createTeamWithMembers(db);
    const user = await createUser(db, { email: "double-click@example.com" });
    const { id, token } = await invite(ctx, "double-click@example.com");

    const results = await Promise.all(Array.from({ length: 20 }, () => acceptInvitationByToken(asActor(user), token)));

    for (const result of results)
      expect(result).toMatchObject({ ok: true, team: { slug: ctx.team.slug }, role: { name: "Member" } });
    expect(results.filter((r) => r.ok && !r.alreadyMember)).toHaveLength(1);
    expect(await db.membership.count({ where: { teamId: ctx.team.id, userId: user.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { targetId: id, action: "invitation.accepted" } })).toBe(1);
  });

  it("50 parallel invites of one address create one invitation and charge every quota once", async () => {
    const ctx = await createTeamWithMembers(db);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        inviteMembers(asActor(i % 2 ? ctx.admin : ctx.owner), ctx.ref, {
          emails: "Popular@Example.com",
          roleId: ctx.roles.member.id,
        }),
      ),
    );
    for (const result of results) expect(result.ok).toBe(true);
    expect(results.filter((r) => r.ok && r.counts.invited === 1)).toHaveLength(1);
    expect(await db.invitation.count({ where: { teamId: ctx.team.id, emailCanonical: "popular@example.com" } })).toBe(
      1,
    );

    const buckets = await db.rateLimitBucket.findMany({
      where: {
        key: {
          in: [
            recipientRateLimitKey("popular@example.com"),
            `invite:team:${ctx.team.id}`,
            `invite:inviter:${ctx.admin.id}`,
            `invite:inviter:${ctx.owner.id}`,
          ],
        },
      },
    });
    const count = (key: string) => buckets.filter((b) => b.key === key).reduce((sum, b) => sum + b.count, 0);
    expect(count(recipientRateLimitKey("popular@example.com"))).toBe(1);
    // The team's and inviters' quotas are charged from leases: each counter holds the one
    // invitation and at most the unused part of one lease (createLeasedRateLimiter).
    const lease = leaseSize(env.INVITES_PER_TEAM_PER_HOUR);
    expect(count(`invite:team:${ctx.team.id}`)).toBeGreaterThanOrEqual(1);
    expect(count(`invite:team:${ctx.team.id}`)).toBeLessThanOrEqual(1 + lease);
    const inviters = count(`invite:inviter:${ctx.admin.id}`) + count(`invite:inviter:${ctx.owner.id}`);
    expect(inviters).toBeGreaterThanOrEqual(1);
    expect(inviters).toBeLessThanOrEqual(1 + 2 * leaseSize(env.INVITES_PER_INVITER_PER_HOUR));
    // The recipient can still be invited elsewhere: 19 of 20 units are left this hour.
    const other = await createTeamWithMembers(db);
    expect(
      await inviteMembers(asActor(other.admin), other.ref, {
        emails: "popular@example.com",
        roleId: other.roles.member.id,
      }),
    ).toMatchObject({ ok: true, counts: { invited: 1 } });
  });

  it("20 concurrent single invites in one team all land, each charged exactly once", async () => {
    const ctx = await createTeamWithMembers(db);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        inviteMembers(asActor(ctx.admin), ctx.ref, {
          emails: `concurrent${i}@example.com`,
          roleId: ctx.roles.member.id,
        }),
      ),
    );
    for (const result of results) expect(result).toMatchObject({ ok: true, counts: { invited: 1 } });
    expect(await db.invitation.count({ where: { teamId: ctx.team.id, status: "PENDING" } })).toBe(20);
    expect(await db.emailOutbox.count({ where: { invitation: { teamId: ctx.team.id } } })).toBe(20);
    expect(await db.auditEvent.count({ where: { teamId: ctx.team.id, action: "invitation.created" } })).toBe(20);
    const team = await db.rateLimitBucket.aggregate({
      where: { key: `invite:team:${ctx.team.id}` },
      _sum: { count: true },
    });
    const inviter = await db.rateLimitBucket.aggregate({
      where: { key: `invite:inviter:${ctx.admin.id}` },
      _sum: { count: true },
    });
    expect(team._sum.count).toBe(20);
    expect(inviter._sum.count).toBe(20);
  });

  it("overlapping lists invited in opposite orders at once: every address once, no deadlock", async () => {
    const ctx = await createTeamWithMembers(db);
    const addresses = Array.from({ length: 12 }, (_, i) => `overlap${i}@example.com`);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        inviteMembers(asActor(i % 2 ? ctx.admin : ctx.owner), ctx.ref, {
          emails: i % 2 ? addresses : [...addresses].reverse(),
          roleId: ctx.roles.member.id,
        }),
      ),
    );
    for (const result of results) expect(result.ok).toBe(true);
    expect(results.reduce((sum, r) => sum + (r.ok ? r.counts.invited : 0), 0)).toBe(12);
    expect(await db.invitation.count({ where: { teamId: ctx.team.id } })).toBe(12);
    const team = await db.rateLimitBucket.aggregate({
      where: { key: `invite:team:${ctx.team.id}` },
      _sum: { count: true },
    });
    expect(team._sum.count).toBeGreaterThanOrEqual(12);
    expect(team._sum.count).toBeLessThanOrEqual(12 + leaseSize(env.INVITES_PER_TEAM_PER_HOUR));
  });

  it("a burst of accepts in one team with a seat limit queues: every one succeeds", async () => {
    const ctx = await createTeamWithMembers(db, { seatLimit: 100 });
    const invitees = await Promise.all(
      Array.from({ length: 25 }, (_, i) => createUser(db, { email: `burst${i}@example.com` })),
    );
    const tokens: string[] = [];
    for (const invitee of invitees) tokens.push((await invite(ctx, invitee.email)).token);

    const results = await Promise.all(
      invitees.map((invitee, i) => acceptInvitationByToken(asActor(invitee), tokens[i]!)),
    );

    for (const result of results) expect(result).toMatchObject({ ok: true, alreadyMember: false });
    expect(await db.membership.count({ where: { teamId: ctx.team.id } })).toBe(28);
  });

  it("with every pooled connection taken, a transaction answers 503 with Retry-After and runs nothing", async () => {
    // Hold every connection of the pool (10 on PostgreSQL, the one of PGlite) in open transactions.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const holders = Array.from({ length: engine === "postgres" ? 10 : 1 }, () =>
      db.$transaction(
        async (tx) => {
          await tx.$queryRaw`SELECT 1`;
          await gate;
        },
        { maxWait: 20_000, timeout: 30_000 },
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    let ran = false;
    const result = await runTransaction(async (tx) => {
      ran = true;
      await tx.auditEvent.create({
        data: { teamId: null, actorId: null, action: "member.joined", targetType: "test" },
      });
      return { ok: true as const };
    }).finally(release);
    await Promise.all(holders);

    expect(ran).toBe(false);
    expect(result).toMatchObject({ ok: false, code: "UNAVAILABLE", retryAfterSeconds: expect.any(Number) });
    const response = problemFromFailure(result.ok ? (undefined as never) : result);
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await db.auditEvent.count({ where: { targetType: "test" } })).toBe(0);
  }, 60_000);

  it("a transaction that deadlocks is run again: both racing writers succeed", async () => {
    const ctx = await createTeamWithMembers(db);
    const [first, second] = ctx.groups;
    let attempts = 0;
    // Two transactions lock the same two rows in opposite orders; PostgreSQL kills one of them.
    let arrived = 0;
    let bothHoldOne!: () => void;
    const barrier = new Promise<void>((resolve) => (bothHoldOne = resolve));
    const crosswise = (a: string, b: string, name: string) =>
      runTransaction(async (tx) => {
        attempts += 1;
        await tx.$executeRaw`UPDATE "Group" SET "name" = "name" || ${name} WHERE "id" = ${a}::uuid`;
        if (engine === "postgres" && attempts <= 2) {
          arrived += 1;
          if (arrived === 2) bothHoldOne();
          await barrier;
        }
        await tx.$executeRaw`UPDATE "Group" SET "name" = "name" || ${name} WHERE "id" = ${b}::uuid`;
        return { ok: true as const };
      });

    const results = await Promise.all([crosswise(first!.id, second!.id, "-x"), crosswise(second!.id, first!.id, "-y")]);

    expect(results).toEqual([{ ok: true }, { ok: true }]);
    const names = await db.group.findMany({ where: { teamId: ctx.team.id }, select: { name: true } });
    for (const { name } of names) expect(name.endsWith("-x-y") || name.endsWith("-y-x")).toBe(true);
    if (engine === "postgres") expect(attempts).toBe(3);
  });
});

describe("who may answer", () => {
  it("a signed-in account that is not the invitee cannot decline; the invitee and a signed-out link holder can, recorded as such", async () => {
    const ctx = await createTeamWithMembers(db);
    const stranger = await createUser(db, { email: "stranger@example.com" });
    const first = await invite(ctx, "decline-one@example.com");

    const refused = await declineInvitationByToken(asActor(stranger), first.token, { reason: "not me" });
    expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(JSON.stringify(refused)).not.toContain("decline-one@example.com");
    expect(await db.invitation.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "PENDING",
      responderId: null,
    });
    expect(await db.auditEvent.count({ where: { targetId: first.id, action: "invitation.declined" } })).toBe(0);

    expect(await declineInvitationByToken(null, first.token)).toMatchObject({ ok: true });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "DECLINED",
      responderId: null,
    });
    expect(
      await db.auditEvent.findFirstOrThrow({ where: { targetId: first.id, action: "invitation.declined" } }),
    ).toMatchObject({ actorId: null, metadata: { by: "link" } });

    const invitee = await createUser(db, { email: "decline-two@example.com" });
    const second = await invite(ctx, "decline-two@example.com");
    expect(await declineInvitationByToken(asActor(invitee), second.token)).toMatchObject({ ok: true });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      status: "DECLINED",
      responderId: invitee.id,
    });
    expect(
      await db.auditEvent.findFirstOrThrow({ where: { targetId: second.id, action: "invitation.declined" } }),
    ).toMatchObject({
      actorId: invitee.id,
      metadata: { by: "invitee" },
    });
  });

  it("a used, declined or withdrawn link answered by someone else reveals nothing about the invitee", async () => {
    const ctx = await createTeamWithMembers(db);
    const stranger = await createUser(db, { email: "nosy@example.com" });
    const invitee = await createUser(db, { email: "private-person@example.com" });
    const { token } = await invite(ctx, "private-person@example.com");
    expect(await acceptInvitationByToken(asActor(invitee), token)).toMatchObject({ ok: true });

    for (const answer of [
      acceptInvitationByToken(asActor(stranger), token),
      declineInvitationByToken(asActor(stranger), token),
      declineInvitationByToken(null, token),
    ]) {
      const result = await answer;
      expect(result).toMatchObject({ ok: false, code: "GONE", error: "This invitation has already been used." });
      expect(JSON.stringify(result)).not.toContain("private-person");
    }
  });
});
