import { apiRoute, json } from "@/lib/api/api-handler";
import { problemFromFailure } from "@/lib/api/problem";
import { toTeamRef } from "@/lib/api/to-team-ref";
import { approveJoinRequest } from "@/lib/join-requests/approve-join-request";

export const POST = apiRoute<{ team: string; id: string }>("invitations:write", async ({ actor, params }) => {
  const result = await approveJoinRequest(actor, toTeamRef(params.team), params.id);
  if (!result.ok) return problemFromFailure(result);
  return json({ kind: result.kind, outcome: result.outcome, email: result.email });
});
