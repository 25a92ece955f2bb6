import { apiRoute, json } from "@/lib/api/api-handler";
import { problemFromFailure } from "@/lib/api/problem";
import { acceptInvitationById } from "@/lib/invitations/accept-invitation-by-id";

export const POST = apiRoute<{ id: string }>("invitations:write", async ({ actor, params }) => {
  const result = await acceptInvitationById(actor, params.id);
  if (!result.ok) return problemFromFailure(result);
  return json({
    invitationId: result.invitationId,
    team: result.team,
    role: result.role,
    alreadyMember: result.alreadyMember,
  });
});
