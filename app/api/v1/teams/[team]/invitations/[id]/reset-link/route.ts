import { apiRoute, json } from "@/lib/api/api-handler";
import { problemFromFailure } from "@/lib/api/problem";
import { toTeamRef } from "@/lib/api/to-team-ref";
import { toApiInvitation } from "@/lib/api/to-api-invitation";
import { getTeamInvitation } from "@/lib/invitations/get-team-invitation";
import { resetInvitationLink } from "@/lib/invitations/reset-invitation-link";

export const POST = apiRoute<{ team: string; id: string }>("invitations:write", async ({ actor, params }) => {
  const team = toTeamRef(params.team);
  const result = await resetInvitationLink(actor, team, params.id);
  if (!result.ok) return problemFromFailure(result);
  const current = await getTeamInvitation(actor, team, params.id);
  return current.ok ? json(toApiInvitation(current.invitation)) : problemFromFailure(current);
});
