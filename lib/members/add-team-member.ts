import "server-only";
import type { AuditAction } from "@/lib/audit/audit-actions";
import type { SqlTx } from "@/lib/db/run-transaction";
import { Prisma } from "@/lib/generated/prisma/client";
import { queueWebhookEvent } from "@/lib/webhooks/queue-webhook-event";

const JOINED: AuditAction = "member.joined";
const ACCEPTED: AuditAction = "invitation.accepted";

export type NewMember = {
  teamId: string;
  userId: string;
  roleId: string;
  /** The role's name as the audit event records it. */
  roleName: string;
  groupIds?: string[];
  /**
   * How they came in: recorded on the "member.joined" event. An accepted invitation's own
   * "invitation.accepted" event is written in the same statement (also when they were a member already).
   */
  via: { invitationId: string; email: string } | { inviteLinkId: string };
  /** false: the caller read that the team has no enabled webhook endpoint (no member.joined delivery to queue). */
  webhooks?: boolean;
};

/**
 * A NewMember whose role name and groups are SQL expressions: read by an earlier step of the
 * caller's statement. `when`: a step of that statement (a row source); nothing is written unless
 * it has a row (accepting: the flip).
 */
export type NewMemberSql = Omit<NewMember, "roleName" | "groupIds"> & {
  roleName: Prisma.Sql;
  groupIds: Prisma.Sql;
  when?: Prisma.Sql;
};

/**
 * The data-modifying steps that make a person a member: `membership` (the row, or none when they
 * are one already), `groups`, `events`, and for an invitation `accepted`. A caller that needs
 * the membership with other reads (accepting, which checks the inviter's grant in the same
 * statement) embeds them after its own steps; addTeamMember runs them alone.
 */
export function addTeamMemberSql(member: NewMemberSql): Prisma.Sql {
  const via =
    "invitationId" in member.via
      ? { key: "invitationId", id: member.via.invitationId }
      : { key: "inviteLinkId", id: member.via.inviteLinkId };
  const when = member.when ? Prisma.sql`WHERE EXISTS (SELECT 1 FROM ${member.when})` : Prisma.empty;
  return Prisma.sql`
    membership AS (
      INSERT INTO "Membership" ("id", "teamId", "userId", "roleId", "joinedAt")
      SELECT gen_random_uuid(), ${member.teamId}::uuid, ${member.userId}::uuid, ${member.roleId}::uuid, now() ${when}
      ON CONFLICT ("teamId", "userId") DO NOTHING
      RETURNING "id"
    ), groups AS (
      INSERT INTO "MembershipGroup" ("membershipId", "groupId")
      SELECT membership."id", unnest(${member.groupIds}) FROM membership
      ON CONFLICT DO NOTHING
    ), events AS (
      INSERT INTO "AuditEvent" ("id", "teamId", "actorId", "action", "targetType", "targetId", "metadata", "createdAt")
      SELECT gen_random_uuid(), ${member.teamId}::uuid, ${member.userId}::uuid, ${JOINED}, 'membership', membership."id"::text,
        jsonb_build_object('role', ${member.roleName}, ${via.key}::text, ${via.id}::text), now()
      FROM membership
    )
    ${
      "invitationId" in member.via
        ? Prisma.sql`, accepted AS (
      INSERT INTO "AuditEvent" ("id", "teamId", "actorId", "action", "targetType", "targetId", "metadata", "createdAt")
      SELECT gen_random_uuid(), ${member.teamId}::uuid, ${member.userId}::uuid, ${ACCEPTED}, 'invitation', ${member.via.invitationId}::text,
        jsonb_build_object('email', ${member.via.email}::text, 'role', ${member.roleName}, 'alreadyMember', NOT EXISTS (SELECT 1 FROM membership)),
        now()
      ${when}
    )`
        : Prisma.empty
    }`;
}

/** A new member announced to the team's webhooks (member.joined); nothing for an existing membership. */
export async function announceNewMember(
  tx: SqlTx,
  member: Omit<NewMember, "roleName" | "groupIds">,
  membershipId: string | null,
): Promise<{ membershipId: string } | null> {
  if (!membershipId) return null;
  if (member.webhooks !== false) {
    await queueWebhookEvent(tx, member.teamId, "member.joined", {
      teamId: member.teamId,
      membership: {
        id: membershipId,
        userId: member.userId,
        roleId: member.roleId,
        ...("invitationId" in member.via ? { email: member.via.email } : {}),
      },
      ...("invitationId" in member.via ? { invitationId: member.via.invitationId } : {}),
    });
  }
  return { membershipId };
}

/**
 * The one way a person becomes a member (an accepted invitation, a join through an invite link):
 * the membership, its groups and the "member.joined" event in one statement. An existing
 * membership is left as it is, and then nothing is written: the caller gets null. Runs inside
 * the caller's transaction, after the caller took the team's seat lock where it needs one.
 * A new member is announced to the team's webhooks (member.joined). The events carry the
 * transaction's start time: a change that waited for this one's locks is recorded after it.
 */
export async function addTeamMember(tx: SqlTx, member: NewMember): Promise<{ membershipId: string } | null> {
  const rows = await tx.$queryRaw<Array<{ membershipId: string | null }>>`
    WITH ${addTeamMemberSql({
      ...member,
      roleName: Prisma.sql`${member.roleName}::text`,
      groupIds: Prisma.sql`${member.groupIds ?? []}::uuid[]`,
    })}
    SELECT (SELECT "id"::text FROM membership) AS "membershipId"`;
  return announceNewMember(tx, member, rows[0]?.membershipId ?? null);
}
