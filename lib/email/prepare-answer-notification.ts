import "server-only";
import { db } from "@/lib/db";
import type { RenderedEmail } from "./render-invitation-email";
import { renderAnswerNotificationEmail } from "./render-answer-notification-email";

/**
 * An answer notification, rendered when it is sent: in the recipient's language as it is then,
 * about the invitation as it was answered. Nothing to say once the invitation is deleted.
 */
export async function prepareAnswerNotification(
  invitationId: string,
  payload: { answer?: string; recipientId?: string } | null,
): Promise<RenderedEmail | { skip: string }> {
  const answer = payload?.answer === "declined" ? "declined" : payload?.answer === "accepted" ? "accepted" : null;
  if (!answer) return { skip: "Unknown answer" };
  const [invitation] = await db.$queryRaw<
    Array<{
      email: string;
      declineReason: string | null;
      teamName: string;
      teamSlug: string;
      roleName: string;
      inviterName: string | null;
      recipientLanguage: string | null;
    }>
  >`
    SELECT i."email", i."declineReason", t."name" AS "teamName", t."slug" AS "teamSlug", r."name" AS "roleName",
      u."name" AS "inviterName",
      (SELECT "language" FROM "User" WHERE "id" = ${payload?.recipientId ?? null}::uuid) AS "recipientLanguage"
    FROM "Invitation" i
    JOIN "Team" t ON t."id" = i."teamId"
    JOIN "Role" r ON r."id" = i."roleId"
    LEFT JOIN "User" u ON u."id" = i."inviterId"
    WHERE i."id" = ${invitationId}::uuid`;
  if (!invitation) return { skip: "Invitation deleted" };
  return renderAnswerNotificationEmail({
    language: invitation.recipientLanguage ?? "en",
    answer,
    inviteeEmail: invitation.email,
    teamName: invitation.teamName,
    teamSlug: invitation.teamSlug,
    roleName: invitation.roleName,
    inviterName: invitation.inviterName,
    declineReason: invitation.declineReason,
  });
}
