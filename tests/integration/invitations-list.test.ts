import { describe, expect, it } from "vitest";
import { INVITATION_COUNT_LIMIT, listTeamInvitationsByOffset } from "@/lib/invitations/list-team-invitations-by-offset";
import { INVITATION_SORT_KEYS } from "@/lib/invitations/schemas";
import { asActor, createTeamWithMembers } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

const { db } = getTestDatabase();

type Ctx = Awaited<ReturnType<typeof createTeamWithMembers>>;

/** Inserts invitations straight in SQL (as a large team would have them), newest first by index. */
async function insertInvitations(
  ctx: Ctx,
  count: number,
  email: (i: number) => string = (i) => `bulk${i}@example.com`,
) {
  const emails = Array.from({ length: count }, (_, i) => email(i + 1));
  await db.$executeRaw`
    INSERT INTO "Invitation" (id, "teamId", email, "emailCanonical", "roleId", language, "inviterId", status, "pendingKey", "createdAt", "updatedAt", "expiresAt", "tokenHash", "tokenSealed", "sendCount")
    SELECT gen_random_uuid(), ${ctx.team.id}::uuid, e, e, ${ctx.roles.member.id}::uuid, 'en', ${ctx.admin.id}::uuid, 'PENDING', e,
      now() - make_interval(secs => g::int), now(), now() + interval '7 days', md5(random()::text) || md5(e), 'v1.test', 1
    FROM unnest(${emails}::text[]) WITH ORDINALITY AS t(e, g)`;
}

describe("listing a team's invitations", () => {
  it("searches addresses by any part, treating % and _ as plain characters", async () => {
    const ctx = await createTeamWithMembers(db);
    await insertInvitations(
      ctx,
      5,
      (i) =>
        ["ada@lovelace.test", "grace@hopper.test", "100%_sure@odd.test", "1000-sure@odd.test", "alan@turing.test"][
          i - 1
        ]!,
    );
    const search = async (q: string) => {
      const result = await listTeamInvitationsByOffset(asActor(ctx.admin), ctx.ref, { q });
      if (!result.ok) throw new Error(result.error);
      return result.invitations.map((i) => i.email).sort();
    };
    expect(await search("HOPPER")).toEqual(["grace@hopper.test"]);
    expect(await search("a")).toHaveLength(3);
    expect(await search("%_")).toEqual(["100%_sure@odd.test"]);
    expect(await search("0_s")).toEqual([]);
    expect(await search("nobody")).toEqual([]);
  });

  it("counts up to the limit and says when there are more, at the cost of a bounded count", async () => {
    const ctx = await createTeamWithMembers(db);
    await insertInvitations(ctx, INVITATION_COUNT_LIMIT + 5);

    const first = await listTeamInvitationsByOffset(asActor(ctx.admin), ctx.ref, { perPage: "100" });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first).toMatchObject({
      total: INVITATION_COUNT_LIMIT,
      totalIsCapped: true,
      teamHasInvitations: true,
      pageCount: INVITATION_COUNT_LIMIT / 100,
    });
    expect(first.invitations[0]!.email).toBe("bulk1@example.com");

    const last = await listTeamInvitationsByOffset(asActor(ctx.admin), ctx.ref, {
      perPage: "100",
      page: String(INVITATION_COUNT_LIMIT / 100),
    });
    expect(last.ok && last.invitations).toHaveLength(100);
    const beyond = await listTeamInvitationsByOffset(asActor(ctx.admin), ctx.ref, {
      perPage: "100",
      page: String(INVITATION_COUNT_LIMIT / 100 + 1),
    });
    expect(beyond.ok && beyond.query.page).toBe(INVITATION_COUNT_LIMIT / 100);
    expect(beyond.ok && beyond.invitations.map((i) => i.id)).toEqual(last.ok && last.invitations.map((i) => i.id));

    const narrowed = await listTeamInvitationsByOffset(asActor(ctx.admin), ctx.ref, { q: "bulk10004@" });
    expect(narrowed).toMatchObject({ ok: true, total: 1, totalIsCapped: false });
  });

  it("tells an empty team from a filter that matches nothing", async () => {
    const ctx = await createTeamWithMembers(db);
    const empty = await listTeamInvitationsByOffset(asActor(ctx.admin), ctx.ref, {});
    expect(empty).toMatchObject({ ok: true, total: 0, teamHasInvitations: false });
    await insertInvitations(ctx, 2);
    const noMatch = await listTeamInvitationsByOffset(asActor(ctx.admin), ctx.ref, { q: "zzz" });
    expect(noMatch).toMatchObject({ ok: true, total: 0, teamHasInvitations: true });
  });

  it("sorts by every whitelisted key, each direction the exact reverse of the other", async () => {
    const ctx = await createTeamWithMembers(db);
    await insertInvitations(ctx, 12);
    // Vary every sortable column so the orders differ from one key to the next, times to the millisecond:
    // rows tied on a sorted time break by address A→Z in both directions, which is not a reverse.
    await db.$executeRaw`
      UPDATE "Invitation" SET
        "roleId" = CASE WHEN random() < 0.5 THEN ${ctx.roles.admin.id}::uuid ELSE "roleId" END,
        "inviterId" = CASE WHEN random() < 0.5 THEN ${ctx.owner.id}::uuid ELSE "inviterId" END,
        "deliveryStatus" = (ARRAY['QUEUED','SENT','DELIVERED','FAILED'])[1 + floor(random() * 4)::int]::"DeliveryStatus",
        "expiresAt" = now() + make_interval(secs => random() * 1440000 - 720000),
        "updatedAt" = now() - make_interval(secs => random() * 1000000)
      WHERE "teamId" = ${ctx.team.id}::uuid`;
    for (const sort of INVITATION_SORT_KEYS) {
      const read = async (order: "asc" | "desc") => {
        const result = await listTeamInvitationsByOffset(asActor(ctx.admin), ctx.ref, { sort, order, perPage: "20" });
        if (!result.ok) throw new Error(result.error);
        return result.invitations;
      };
      const ascending = await read("asc");
      const descending = await read("desc");
      expect(ascending, sort).toHaveLength(12);
      expect(
        descending.map((i) => i.id),
        sort,
      ).toEqual(ascending.map((i) => i.id).reverse());
    }
    const byEmail = (await listTeamInvitationsByOffset(asActor(ctx.admin), ctx.ref, {
      sort: "email",
      order: "asc",
    })) as {
      invitations: Array<{ email: string }>;
    };
    expect(byEmail.invitations.map((i) => i.email)).toEqual(byEmail.invitations.map((i) => i.email).sort());
  });

  it("refuses a sort key that is not whitelisted", async () => {
    const ctx = await createTeamWithMembers(db);
    const result = await listTeamInvitationsByOffset(asActor(ctx.admin), ctx.ref, { sort: "tokenHash" });
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
  });
});
