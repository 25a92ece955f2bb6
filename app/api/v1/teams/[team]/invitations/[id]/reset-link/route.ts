import { apiRoute, jsonText } from "@/lib/api/api-handler";
import { problemFromFailure } from "@/lib/api/problem";
import { toTeamRef } from "@/lib/api/to-team-ref";
import { readApiInvitations } from "@/lib/api/read-api-invitations";
import { findTeamInvitation } from "@/lib/invitations/find-team-invitation";
import { resetInvitationLink } from "@/lib/invitations/reset-invitation-link";

export const POST = apiRoute<{ team: string; id: string }>("invitations:write", async ({ actor, params }) => {
  const team = toTeamRef(params.team);
  const result = await resetInvitationLink(actor, team, params.id);
  if (!result.ok) return problemFromFailure(result);
  const current = await findTeamInvitation(actor, team, params.id, readApiInvitations);
  return current.ok ? jsonText(current.invitation.json) : problemFromFailure(current);
});
