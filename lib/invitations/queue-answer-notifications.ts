import "server-only";
import type { SqlTx } from "@/lib/db/run-transaction";
import type { ClosedInvitation } from "./close-pending-invitation";

export const ANSWER_NOTIFICATION_KIND = "invitation_answered";

/**
 * Queues "accepted / declined" emails in the transaction that closed the invitation: they exist
 * if and only if the answer commits. Recipients: the inviter while still a member of the team,
 * and, when the team's `notifyAdminsOnAnswer` is on, every member holding members.manage; each
 * person once (one row per user, and the idempotency key names the invitation and the user), the
 * invitee never (by account or by address). The sender renders each in the recipient's language.
 * The team's setting is read in the same statement (one round trip fewer per answer).
 */
export async function queueAnswerNotifications(
  tx: SqlTx,
  invitation: ClosedInvitation,
  answer: "accepted" | "declined",
  responderId: string | null,
): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "EmailOutbox" ("id", "invitationId", "kind", "to", "payload", "idempotencyKey")
    SELECT gen_random_uuid(), ${invitation.id}::uuid, ${ANSWER_NOTIFICATION_KIND}, u."email",
      jsonb_build_object('answer', ${answer}::text, 'recipientId', u."id"),
      'invitation/' || ${invitation.id}::text || '/answered/' || u."id"::text
    FROM "User" u
    WHERE u."id" IN (
        SELECT m."userId" FROM "Membership" m JOIN "Role" r ON r."id" = m."roleId" JOIN "Team" t ON t."id" = m."teamId"
        WHERE m."teamId" = ${invitation.teamId}::uuid
          AND (m."userId" = ${invitation.inviterId}::uuid OR (t."notifyAdminsOnAnswer" AND 'members.manage' = ANY(r."permissions")))
      )
      AND u."id" IS DISTINCT FROM ${responderId}::uuid
      AND u."emailCanonical" <> ${invitation.emailCanonical}
    ORDER BY u."id"
    ON CONFLICT ("idempotencyKey") DO NOTHING`;
}
