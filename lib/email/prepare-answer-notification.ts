import "server-only";
import { db } from "@/lib/db";
import type { RenderedEmail } from "./render-invitation-email";
import { renderAnswerNotificationEmail } from "./render-answer-notification-email";

export type AnswerNotificationData = {
  email: string;
  declineReason: string | null;
  teamName: string;
  teamSlug: string;
  roleName: string;
  inviterName: string | null;
  recipientLanguage: string | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What each claimed answer notification needs, in one statement (a claim holds up to 200 rows),
 * by outbox row id: the invitation as it was answered and the recipient's language as it is now.
 * A row whose invitation is deleted has none.
 */
export async function readAnswerNotifications(
  rows: Array<{ id: string; invitationId: string; payload: { recipientId?: string } | null }>,
): Promise<Map<string, AnswerNotificationData>> {
  if (rows.length === 0) return new Map();
  // A malformed id would fail the cast, and with it the whole claim's statement.
  const recipientIds = rows.map((row) => {
    const id = row.payload?.recipientId;
    return typeof id === "string" && UUID.test(id) ? id : null;
  });
  const found = await db.$queryRaw<Array<AnswerNotificationData & { rowId: string }>>`
    SELECT s."rowId"::text AS "rowId", i."email", i."declineReason", t."name" AS "teamName", t."slug" AS "teamSlug",
      r."name" AS "roleName", u."name" AS "inviterName", recipient."language" AS "recipientLanguage"
    FROM unnest(${rows.map((row) => row.id)}::uuid[], ${rows.map((row) => row.invitationId)}::uuid[], ${recipientIds}::uuid[])
      AS s("rowId", "invitationId", "recipientId")
    JOIN "Invitation" i ON i."id" = s."invitationId"
    JOIN "Team" t ON t."id" = i."teamId"
    JOIN "Role" r ON r."id" = i."roleId"
    LEFT JOIN "User" u ON u."id" = i."inviterId"
    LEFT JOIN "User" recipient ON recipient."id" = s."recipientId"`;
  return new Map(found.map(({ rowId, ...data }) => [rowId, data]));
}

/**
 * An answer notification, rendered when it is sent: in the recipient's language as it is then,
 * about the invitation as it was answered. Nothing to say once the invitation is deleted.
 */
export async function prepareAnswerNotification(
  invitation: AnswerNotificationData | undefined,
  payload: { answer?: string } | null,
): Promise<RenderedEmail | { skip: string }> {
  const answer = payload?.answer === "declined" ? "declined" : payload?.answer === "accepted" ? "accepted" : null;
  if (!answer) return { skip: "Unknown answer" };
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
