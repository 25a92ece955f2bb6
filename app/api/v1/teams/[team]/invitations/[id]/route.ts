import { apiRoute, json } from "@/lib/api/api-handler";
import { problemFromFailure } from "@/lib/api/problem";
import { toTeamRef } from "@/lib/api/to-team-ref";
import { toApiInvitation } from "@/lib/api/to-api-invitation";
import { deleteInvitation } from "@/lib/invitations/delete-invitation";
import { getTeamInvitation } from "@/lib/invitations/get-team-invitation";

type Params = { team: string; id: string };

export const GET = apiRoute<Params>("invitations:read", async ({ actor, params }) => {
  const result = await getTeamInvitation(actor, toTeamRef(params.team), params.id);
  if (!result.ok) return problemFromFailure(result);
  return json(toApiInvitation(result.invitation));
});

export const DELETE = apiRoute<Params>("invitations:write", async ({ actor, params }) => {
  const result = await deleteInvitation(actor, toTeamRef(params.team), params.id);
  if (!result.ok) return problemFromFailure(result);
  return new Response(null, { status: 204 });
});
