import { apiRoute, jsonText } from "@/lib/api/api-handler";
import { problemFromFailure } from "@/lib/api/problem";
import { toTeamRef } from "@/lib/api/to-team-ref";
import { readApiInvitations } from "@/lib/api/read-api-invitations";
import { deleteInvitation } from "@/lib/invitations/delete-invitation";
import { findTeamInvitation } from "@/lib/invitations/find-team-invitation";

type Params = { team: string; id: string };

export const GET = apiRoute<Params>("invitations:read", async ({ actor, params }) => {
  const result = await findTeamInvitation(actor, toTeamRef(params.team), params.id, readApiInvitations);
  if (!result.ok) return problemFromFailure(result);
  return jsonText(result.invitation.json);
});

export const DELETE = apiRoute<Params>("invitations:write", async ({ actor, params }) => {
  const result = await deleteInvitation(actor, toTeamRef(params.team), params.id);
  if (!result.ok) return problemFromFailure(result);
  return new Response(null, { status: 204 });
});
