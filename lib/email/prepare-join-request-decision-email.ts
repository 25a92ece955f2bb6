import "server-only";
import { db } from "@/lib/db";
import type { RenderedEmail } from "./render-invitation-email";
import { renderJoinRequestDecisionEmail } from "./render-join-request-decision-email";

/** The requester's answer, rendered when it is sent, in their language as it is then. */
export async function prepareJoinRequestDecisionEmail(
  joinRequestId: string,
  payload: { recipientId?: string } | null,
): Promise<RenderedEmail | { skip: string }> {
  const [request, recipient] = await Promise.all([
    db.joinRequest.findUnique({
      where: { id: joinRequestId },
      select: {
        kind: true,
        status: true,
        email: true,
        rejectReason: true,
        team: { select: { name: true, slug: true } },
      },
    }),
    payload?.recipientId
      ? db.user.findUnique({ where: { id: payload.recipientId }, select: { language: true } })
      : null,
  ]);
  if (!request) return { skip: "Join request deleted" };
  if (request.status === "PENDING") return { skip: "Join request reopened" };
  return renderJoinRequestDecisionEmail({
    language: recipient?.language ?? "en",
    kind: request.kind,
    approved: request.status === "APPROVED",
    email: request.email,
    teamName: request.team.name,
    teamSlug: request.team.slug,
    reason: request.rejectReason,
  });
}
