import { apiRoute, json, jsonText } from "@/lib/api/api-handler";
import { parseBody, parseQuery } from "@/lib/api/parse-input";
import { problemFromFailure } from "@/lib/api/problem";
import { createInvitationsBodySchema, teamInvitationsQuerySchema } from "@/lib/api/schemas";
import { apiInvitationPageJson, readApiInvitations } from "@/lib/api/read-api-invitations";
import { toTeamRef } from "@/lib/api/to-team-ref";
import { inviteMembersByReference } from "@/lib/invitations/invite-members-by-reference";
import { listTeamInvitationsByCursor } from "@/lib/invitations/list-team-invitations-by-cursor";

export const GET = apiRoute<{ team: string }>("invitations:read", async ({ actor, request, params }) => {
  const query = parseQuery(request, teamInvitationsQuerySchema);
  if (!query.ok) return query.response;
  const result = await listTeamInvitationsByCursor(actor, toTeamRef(params.team), query.value, readApiInvitations);
  if (!result.ok) return problemFromFailure(result);
  return jsonText(apiInvitationPageJson(result.invitations, result.next));
});

export const POST = apiRoute<{ team: string }>("invitations:write", async ({ actor, request, params }) => {
  const body = await parseBody(request, createInvitationsBodySchema);
  if (!body.ok) return body.response;
  const { emails, role, groups = [], language = "en", message } = body.value;
  const result = await inviteMembersByReference(actor, toTeamRef(params.team), {
    emails,
    role,
    groups,
    language,
    message,
  });
  if (!result.ok) return problemFromFailure(result);
  return json(
    { summary: result.summary, counts: result.counts, results: result.results },
    result.counts.invited > 0 ? 201 : 200,
  );
});
