import "server-only";
import type { AuditAction } from "@/lib/audit/audit-actions";
import type { Tx } from "@/lib/db/run-transaction";
import { abortTransaction } from "@/lib/db/transaction-abort";
import { lockTeamSeats } from "@/lib/members/lock-team-seats";
import { fail } from "@/lib/result";
import { queueWebhookEvent } from "@/lib/webhooks/queue-webhook-event";

const JOINED: AuditAction = "member.joined";

/**
 * Adds a person as the team's "member" role (auto-join, or an approved ask), the way an accept
 * does: the seat lock first when the team has a limit, then the membership and its audit event
 * in one statement, then its member.joined webhook. Already a member: nothing changes. No free seat:
 * the caller's transaction aborts.
 */
export async function addJoinedMember(
  tx: Tx,
  team: { id: string; name: string; seatLimit: number | null },
  userId: string,
  audit: { actorId: string; via: "auto_join" | "approved_request"; joinRequestId?: string },
) {
  if (team.seatLimit !== null) {
    const seats = await lockTeamSeats(tx, team.id);
    const member =
      seats.free < 1 &&
      (await tx.membership.findUnique({ where: { teamId_userId: { teamId: team.id, userId } }, select: { id: true } }));
    if (seats.free < 1 && !member)
      abortTransaction(
        fail("LIMIT_REACHED", `${team.name} has no free seats. Ask an admin to make room, then try again.`),
      );
  }
  const rows = await tx.$queryRaw<Array<{ membershipId: string | null; roleId: string | null }>>`
    WITH role AS (
      SELECT "id", "name" FROM "Role" WHERE "teamId" = ${team.id}::uuid AND "key" = 'member'
    ), membership AS (
      INSERT INTO "Membership" ("id", "teamId", "userId", "roleId", "joinedAt")
      SELECT gen_random_uuid(), ${team.id}::uuid, ${userId}::uuid, role."id", now() FROM role
      ON CONFLICT ("teamId", "userId") DO NOTHING
      RETURNING "id"
    ), events AS (
      INSERT INTO "AuditEvent" ("id", "teamId", "actorId", "action", "targetType", "targetId", "metadata", "createdAt")
      SELECT gen_random_uuid(), ${team.id}::uuid, ${audit.actorId}::uuid, ${JOINED}, 'membership', membership."id"::text,
        jsonb_strip_nulls(jsonb_build_object('email', u."email", 'role', role."name", 'via', ${audit.via}::text, 'joinRequestId', ${audit.joinRequestId ?? null}::text)), now()
      FROM membership, role, "User" u WHERE u."id" = ${userId}::uuid
    )
    SELECT (SELECT "id"::text FROM membership) AS "membershipId", (SELECT "id"::text FROM role) AS "roleId"`;
  const membershipId = rows[0]?.membershipId ?? null;
  if (membershipId) {
    await queueWebhookEvent(tx, team.id, "member.joined", {
      teamId: team.id,
      membership: { id: membershipId, userId, roleId: rows[0]!.roleId! },
    });
  }
  return { alreadyMember: membershipId === null };
}
