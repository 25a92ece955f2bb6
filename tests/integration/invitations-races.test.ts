import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { acceptInvitationByToken } from "@/lib/invitations/accept-invitation-by-token";
import { getInvitationLink } from "@/lib/invitations/get-invitation-link";
import { inviteMembers } from "@/lib/invitations/invite-members";
import { withdrawInvitation } from "@/lib/invitations/withdraw-invitation";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { leaseSize } from "@/lib/rate-limit/create-leased-rate-limiter";
import { asActor, createTeamWithMembers, createUser } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

// On PostgreSQL these run through a pool of separate connections, so the database's own
// guarantees (conditional updates, unique indexes, row locks) are what is being proven.
// PGlite serialises everything; the same assertions must hold there too.
const { db, engine } = getTestDatabase();

async function inviteWithToken(ctx: Awaited<ReturnType<typeof createTeamWithMembers>>, email: string) {
  const invited = await inviteMembers(asActor(ctx.admin), ctx.ref, { emails: email, roleId: ctx.roles.member.id });
  const id = invited.ok ? invited.results[0]!.invitationId! : "";
  const link = await getInvitationLink(asActor(ctx.admin), ctx.ref, id);
  return { id, token: link.ok ? link.url.split("/invite/")[1]! : "" };
}

/** Units charged to a quota counter, over every window (a test may straddle an hour). */
async function quotaUsed(key: string) {
  const rows = await db.$queryRaw<
    Array<{ used: number }>
  >`SELECT coalesce(sum("count"), 0)::int AS used FROM "RateLimitBucket" WHERE "key" = ${key}`;
  return rows[0]!.used;
}

describe(`races (${engine})`, () => {
  it("50 parallel accepts of one token create exactly one membership", async () => {
    const ctx = await createTeamWithMembers(db);
    const user = await createUser(db, { email: "racer@example.com" });
    const { token, id } = await inviteWithToken(ctx, "racer@example.com");

    const results = await Promise.all(Array.from({ length: 50 }, () => acceptInvitationByToken(asActor(user), token)));

    const joined = results.filter((r) => r.ok && !r.alreadyMember);
    expect(joined).toHaveLength(1);
    for (const result of results) {
      if (result.ok) continue;
      expect(result.code).toBe("GONE");
      expect(result.error).toBe("This invitation has already been used.");
    }
    expect(await db.membership.count({ where: { teamId: ctx.team.id, userId: user.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { targetId: id, action: "invitation.accepted" } })).toBe(1);
  });

  it("accept racing withdraw never ends with both (200 rounds)", async () => {
    let ctx = await createTeamWithMembers(db);
    let accepted = 0;
    let withdrawn = 0;
    for (let round = 0; round < 200; round += 1) {
      // A fresh team every 50 rounds keeps each under the hourly invitation limit.
      if (round > 0 && round % 50 === 0) ctx = await createTeamWithMembers(db);
      const email = `round${round}@example.com`;
      const user = await createUser(db, { email });
      const { id, token } = await inviteWithToken(ctx, email);
      const [accept, withdraw] = await Promise.all([
        acceptInvitationByToken(asActor(user), token),
        withdrawInvitation(asActor(ctx.admin), ctx.ref, id),
      ]);
      expect(accept.ok !== withdraw.ok).toBe(true);
      const invitation = await db.invitation.findUniqueOrThrow({ where: { id }, select: { status: true } });
      const memberships = await db.membership.count({ where: { teamId: ctx.team.id, userId: user.id } });
      if (accept.ok) {
        accepted += 1;
        expect(invitation.status).toBe("ACCEPTED");
        expect(memberships).toBe(1);
      } else {
        withdrawn += 1;
        expect(invitation.status).toBe("WITHDRAWN");
        expect(memberships).toBe(0);
      }
    }
    expect(accepted + withdrawn).toBe(200);
  }, 120_000);

  it("the same address invited twice in parallel gives one pending invitation", async () => {
    const ctx = await createTeamWithMembers(db);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        inviteMembers(asActor(i % 2 ? ctx.admin : ctx.owner), ctx.ref, {
          emails: "Dup@Example.com",
          roleId: ctx.roles.member.id,
        }),
      ),
    );
    const invited = results.filter((r) => r.ok && r.counts.invited === 1);
    expect(invited).toHaveLength(1);
    for (const result of results) expect(result.ok).toBe(true);
    expect(
      await db.invitation.count({
        where: { teamId: ctx.team.id, emailCanonical: "dup@example.com", status: "PENDING" },
      }),
    ).toBe(1);
    // Requests that lost the race were charged before their transaction and gave the units back:
    // the team's counter holds the one invitation and at most the process's unused lease.
    expect(await quotaUsed(`invite:team:${ctx.team.id}`)).toBeGreaterThanOrEqual(1);
    expect(await quotaUsed(`invite:team:${ctx.team.id}`)).toBeLessThanOrEqual(
      1 + leaseSize(env.INVITES_PER_TEAM_PER_HOUR),
    );
    expect(await quotaUsed("invite:recipient:dup@example.com")).toBe(1);
  });

  it("the database itself refuses a closed invitation that still holds its pending slot", async () => {
    const ctx = await createTeamWithMembers(db);
    const { id } = await inviteWithToken(ctx, "slot@example.com");
    await expect(db.invitation.update({ where: { id }, data: { status: "WITHDRAWN" } })).rejects.toThrow(
      /pendingKey_matches_status/,
    );
    await expect(db.invitation.update({ where: { id }, data: { pendingKey: null } })).rejects.toThrow(
      /pendingKey_matches_status/,
    );
    expect(
      await db.invitation.findUniqueOrThrow({ where: { id }, select: { status: true, pendingKey: true } }),
    ).toEqual({
      status: "PENDING",
      pendingKey: "slot@example.com",
    });
  });

  it("parallel invites never overshoot a seat limit", async () => {
    const ctx = await createTeamWithMembers(db, { seatLimit: 8 });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        inviteMembers(asActor(ctx.admin), ctx.ref, { emails: `seat${i}@example.com`, roleId: ctx.roles.member.id }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.code === "LIMIT_REACHED")).toHaveLength(5);
    expect(await db.invitation.count({ where: { teamId: ctx.team.id } })).toBe(5);
    const used = await quotaUsed(`invite:team:${ctx.team.id}`);
    expect(used).toBeGreaterThanOrEqual(5);
    expect(used).toBeLessThanOrEqual(5 + leaseSize(env.INVITES_PER_TEAM_PER_HOUR));
  });

  it("parallel invites in one team stop exactly at the team's hourly quota, and the counter holds what was invited and at most one lease more", async () => {
    const ctx = await createTeamWithMembers(db);
    const limit = env.INVITES_PER_TEAM_PER_HOUR;
    const batches = Math.ceil(limit / 6) + 4;
    const results = await Promise.all(
      Array.from({ length: batches }, (_, b) =>
        inviteMembers(asActor(b % 2 ? ctx.admin : ctx.owner), ctx.ref, {
          emails: Array.from({ length: 6 }, (_, i) => `q${b}-${i}@example.com`),
          roleId: ctx.roles.member.id,
        }),
      ),
    );
    for (const result of results) if (!result.ok) expect(result.code).toBe("RATE_LIMITED");
    const invited = await db.invitation.count({ where: { teamId: ctx.team.id } });
    expect(invited).toBe(results.reduce((sum, r) => sum + (r.ok ? r.counts.invited : 0), 0));
    expect(invited).toBeLessThanOrEqual(limit);
    expect(invited).toBeGreaterThan(limit - 6);
    const used = await quotaUsed(`invite:team:${ctx.team.id}`);
    expect(used).toBeGreaterThanOrEqual(invited);
    expect(used).toBeLessThanOrEqual(Math.min(limit, invited + leaseSize(limit)));
  });

  it("parallel accepts never overshoot a seat limit: exactly the free seats become memberships", async () => {
    // Invited while the limit was higher, then lowered: 10 pending invitations, 3 free seats.
    const ctx = await createTeamWithMembers(db, { seatLimit: 100 });
    const invitees = await Promise.all(
      Array.from({ length: 10 }, (_, i) => createUser(db, { email: `seat-accept${i}@example.com` })),
    );
    const invited: Array<{ id: string; token: string }> = [];
    for (const invitee of invitees) invited.push(await inviteWithToken(ctx, invitee.email));
    await db.team.update({ where: { id: ctx.team.id }, data: { seatLimit: 6 } });

    const results = await Promise.all(
      invitees.map((invitee, i) => acceptInvitationByToken(asActor(invitee), invited[i]!.token)),
    );

    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.code === "LIMIT_REACHED")).toHaveLength(7);
    expect(await db.membership.count({ where: { teamId: ctx.team.id } })).toBe(6);
    expect(await db.invitation.count({ where: { teamId: ctx.team.id, status: "ACCEPTED" } })).toBe(3);
  });

  it("a shared rate limit admits exactly its limit under parallel load", async () => {
    const key = `race-limit-${Date.now()}`;
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, () => consumeRateLimit(db, { key, limit: 25, windowSeconds: 3600 })),
    );
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(25);
  });
});
