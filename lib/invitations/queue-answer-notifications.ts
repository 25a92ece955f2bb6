import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

export const ANSWER_NOTIFICATION_KIND = "invitation_answered";

/**
 * Queues "accepted / declined" emails in the statement that closed the invitation (a
 * data-modifying step of closePendingInvitation's UPDATE, reading its `closed` row): they exist if
 * and only if the answer commits. Recipients: the inviter while still a member of the team, and,
 * when the team's `notifyAdminsOnAnswer` is on, every member holding members.manage; each person
 * once (one row per user, and the idempotency key names the invitation and the user), the invitee
 * never (by account or by address). The sender renders each in the recipient's language.
 */
export function queueAnswerNotificationsSql(
  closed: Prisma.Sql,
  answer: "accepted" | "declined",
  responderId: string | null,
) {
  return Prisma.sql`
    INSERT INTO "EmailOutbox" ("id", "invitationId", "kind", "to", "payload", "idempotencyKey")
    SELECT gen_random_uuid(), c."id", ${ANSWER_NOTIFICATION_KIND}, u."email",
      jsonb_build_object('answer', ${answer}::text, 'recipientId', u."id"),
      'invitation/' || c."id"::text || '/answered/' || u."id"::text
    FROM ${closed} c
    CROSS JOIN LATERAL (
      SELECT m."userId" FROM "Membership" m WHERE m."teamId" = c."teamId" AND m."userId" = c."inviterId"
      UNION
      -- The team's setting first: OFFSET 0 keeps the planner from joining the members in ahead of
      -- it, which read every member of the team on every answer (0.6 ms at 500 members) while the
      -- setting is off, as it is by default.
      SELECT admin."userId" FROM "Team" t
        CROSS JOIN LATERAL (
          SELECT m."userId" FROM "Membership" m
            JOIN "Role" r ON r."id" = m."roleId"
          WHERE m."teamId" = t."id" AND 'members.manage' = ANY(r."permissions")
          OFFSET 0
        ) AS admin
      WHERE t."id" = c."teamId" AND t."notifyAdminsOnAnswer"
    ) AS recipient
    JOIN "User" u ON u."id" = recipient."userId"
    WHERE u."id" IS DISTINCT FROM ${responderId}::uuid
      AND u."emailCanonical" <> c."emailCanonical"
    ORDER BY u."id"
    ON CONFLICT ("idempotencyKey") DO NOTHING`;
}
