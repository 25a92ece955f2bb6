import "server-only";
import type { Tx } from "@/lib/db/run-transaction";
import { abortTransaction } from "@/lib/db/transaction-abort";
import { addTeamMember } from "@/lib/members/add-team-member";
import { lockTeamSeats } from "@/lib/members/lock-team-seats";
import { can, canGrantRole } from "@/lib/permissions/can";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { fail } from "@/lib/result";
import { describeDeadLink } from "./describe-dead-link";
import { INVITE_LINK_POLICY as POLICY } from "./invite-link-policy";
import { deriveInviteLinkStatus, emailFitsLinkDomain } from "./invite-link-status";

export type LinkJoinSuccess = {
  ok: true;
  team: { id: string; name: string; slug: string };
  role: { name: string };
  alreadyMember: boolean;
};

type LinkRow = {
  id: string;
  teamId: string;
  teamName: string;
  teamSlug: string;
  seatLimit: number | null;
  allowedDomain: string | null;
};

/**
 * A verified user joins the team of the link with this hash, inside the caller's transaction;
 * every refusal aborts it. Locks in the documented order: the team's row (seat-limited teams
 * only), then the link (the conditional UPDATE that spends one use, so 50 racing joins on a
 * link with 10 uses left make exactly 10 members), then memberships (the creator's, share-locked
 * while their right to grant the role is checked, and the new one), then the joiner's hourly
 * quota as the last statement. An existing member spends no use and is told so.
 */
export async function joinThroughLink(tx: Tx, userId: string, tokenHash: string): Promise<LinkJoinSuccess> {
  const links = await tx.$queryRaw<LinkRow[]>`
    SELECT l."id"::text AS "id", l."teamId"::text AS "teamId", t."name" AS "teamName", t."slug" AS "teamSlug",
      t."seatLimit", l."allowedDomain"
    FROM "InviteLink" l JOIN "Team" t ON t."id" = l."teamId"
    WHERE l."tokenHash" = ${tokenHash}`;
  const link = links[0];
  if (!link) abortTransaction(describeDeadLink("INVALID"));
  const team = { id: link.teamId, name: link.teamName, slug: link.teamSlug };

  const users = await tx.$queryRaw<Array<{ emailCanonical: string; verified: boolean; memberRole: string | null }>>`
    SELECT u."emailCanonical", u."emailVerifiedAt" IS NOT NULL AS "verified", r."name" AS "memberRole"
    FROM "User" u
    LEFT JOIN "Membership" m ON m."userId" = u."id" AND m."teamId" = ${link.teamId}::uuid
    LEFT JOIN "Role" r ON r."id" = m."roleId"
    WHERE u."id" = ${userId}::uuid`;
  const user = users[0];
  if (!user) abortTransaction(fail("UNAUTHENTICATED", "Sign in to continue."));
  if (user.memberRole !== null) return { ok: true, team, role: { name: user.memberRole }, alreadyMember: true };
  if (!user.verified)
    abortTransaction(fail("FORBIDDEN", "Confirm your email address first: follow the link we emailed you."));
  if (!emailFitsLinkDomain(user.emailCanonical, link.allowedDomain)) abortTransaction(describeDeadLink("WRONG_DOMAIN"));

  if (link.seatLimit !== null) {
    const seats = await lockTeamSeats(tx, link.teamId);
    if (seats.free <= 0)
      abortTransaction(
        fail("LIMIT_REACHED", `${team.name} has no free seats. Ask an admin to make room, then try again.`),
      );
  }

  const spent = await tx.$queryRaw<Array<{ roleId: string; creatorId: string | null }>>`
    UPDATE "InviteLink" SET "uses" = "uses" + 1
    WHERE "id" = ${link.id}::uuid AND "revokedAt" IS NULL AND "expiresAt" > now() AND "uses" < "maxUses"
    RETURNING "roleId"::text AS "roleId", "creatorId"::text AS "creatorId"`;
  if (spent.length === 0) {
    const [state] = await tx.$queryRaw<
      Array<{ revokedAt: Date | null; expiresAt: Date; uses: number; maxUses: number; now: Date }>
    >`
      SELECT "revokedAt", "expiresAt", "uses", "maxUses", now() AS "now" FROM "InviteLink" WHERE "id" = ${link.id}::uuid`;
    const status = state ? deriveInviteLinkStatus(state, state.now) : "REVOKED";
    abortTransaction(describeDeadLink(status === "ACTIVE" ? "USED_UP" : status));
  }
  const { roleId, creatorId } = spent[0]!;

  // The creator may have been demoted or have left since; their membership is share-locked until commit.
  const grants = await tx.$queryRaw<
    Array<{ roleName: string; roleRank: number; creatorRank: number | null; creatorPermissions: string[] | null }>
  >`
    WITH creator AS (
      SELECT "roleId" FROM "Membership" WHERE "teamId" = ${link.teamId}::uuid AND "userId" = ${creatorId}::uuid FOR SHARE
    )
    SELECT r."name" AS "roleName", r."rank" AS "roleRank", cr."rank" AS "creatorRank", cr."permissions" AS "creatorPermissions"
    FROM "Role" r
    LEFT JOIN creator ON true
    LEFT JOIN "Role" cr ON cr."id" = creator."roleId"
    WHERE r."id" = ${roleId}::uuid`;
  const grant = grants[0]!;
  const creatorRole =
    grant.creatorRank === null ? null : { rank: grant.creatorRank, permissions: grant.creatorPermissions ?? [] };
  if (!creatorRole || !can(creatorRole, "members.manage") || !canGrantRole(creatorRole, { rank: grant.roleRank }))
    abortTransaction(
      fail(
        "FORBIDDEN",
        `This link can no longer grant the ${grant.roleName} role because the person who created it can't grant it anymore. Ask an admin of ${team.name} for a new link.`,
      ),
    );

  const joined = await addTeamMember(tx, {
    teamId: link.teamId,
    userId,
    roleId,
    roleName: grant.roleName,
    via: { inviteLinkId: link.id },
  });
  // Joined a moment ago through another request: that one spent the use, this one gives it back.
  if (!joined) abortTransaction(fail("CONFLICT", `You are already a member of ${team.name}.`));
  // Someone removed since who comes back through the same link: their row says when they last joined.
  await tx.$executeRaw`
    INSERT INTO "InviteLinkJoin" ("id", "inviteLinkId", "userId", "joinedAt")
    VALUES (gen_random_uuid(), ${link.id}::uuid, ${userId}::uuid, now())
    ON CONFLICT ("inviteLinkId", "userId") DO UPDATE SET "joinedAt" = now()`;

  const quota = await consumeRateLimit(tx, {
    key: `invite-link-join:${userId}`,
    limit: POLICY.joinsPerHour,
    windowSeconds: 3600,
  });
  if (!quota.allowed)
    abortTransaction(
      fail("RATE_LIMITED", "Too many joins from this account. Try again later.", {
        retryAfterSeconds: quota.resetSeconds,
      }),
    );
  return { ok: true, team, role: { name: grant.roleName }, alreadyMember: false };
}
