import { apiRoute, json } from "@/lib/api/api-handler";
import { parseBody } from "@/lib/api/parse-input";
import { problemFromFailure } from "@/lib/api/problem";
import { joinInviteLinkBodySchema } from "@/lib/api/schemas";
import { joinTeamByLink } from "@/lib/invite-links/join-team-by-link";

export const POST = apiRoute("invitations:write", async ({ actor, request }) => {
  const body = await parseBody(request, joinInviteLinkBodySchema);
  if (!body.ok) return body.response;
  const result = await joinTeamByLink(actor, body.value.token);
  if (!result.ok) return problemFromFailure(result);
  return json({ team: result.team, role: result.role, alreadyMember: result.alreadyMember });
});
