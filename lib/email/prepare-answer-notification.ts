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
  const [invitation, recipient] = await Promise.all([
    db.invitation.findUnique({
      where: { id: invitationId },
      select: {
        email: true,
        declineReason: true,
        team: { select: { name: true, slug: true } },
        role: { select: { name: true } },
        inviter: { select: { name: true } },
      },
    }),
    payload?.recipientId
      ? db.user.findUnique({ where: { id: payload.recipientId }, select: { language: true } })
      : null,
  ]);
  if (!invitation) return { skip: "Invitation deleted" };
  return renderAnswerNotificationEmail({
    language: recipient?.language ?? "en",
    answer,
    inviteeEmail: invitation.email,
    teamName: invitation.team.name,
    teamSlug: invitation.team.slug,
    roleName: invitation.role.name,
    inviterName: invitation.inviter?.name ?? null,
    declineReason: invitation.declineReason,
  });
}
