import { apiRoute, json } from "@/lib/api/api-handler";
import { parseBody } from "@/lib/api/parse-input";
import { problemFromFailure } from "@/lib/api/problem";
import { suggestMemberBodySchema } from "@/lib/api/schemas";
import { toTeamRef } from "@/lib/api/to-team-ref";
import { listJoinRequests } from "@/lib/join-requests/list-join-requests";
import { suggestMember } from "@/lib/join-requests/suggest-member";

export const GET = apiRoute<{ team: string }>("invitations:read", async ({ actor, params }) => {
  const result = await listJoinRequests(actor, toTeamRef(params.team));
  if (!result.ok) return problemFromFailure(result);
  return json({ data: result.requests.map(({ createdAt, ...request }) => ({ ...request, created: createdAt })) });
});

export const POST = apiRoute<{ team: string }>("invitations:write", async ({ actor, request, params }) => {
  const body = await parseBody(request, suggestMemberBodySchema);
  if (!body.ok) return body.response;
  const result = await suggestMember(actor, toTeamRef(params.team), body.value);
  if (!result.ok) return problemFromFailure(result);
  return json({ id: result.id, email: result.email }, 201);
});
