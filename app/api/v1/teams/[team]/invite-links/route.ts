import { apiRoute, json } from "@/lib/api/api-handler";
import { parseBody } from "@/lib/api/parse-input";
import { problemFromFailure } from "@/lib/api/problem";
import { createInviteLinkBodySchema } from "@/lib/api/schemas";
import { toApiInviteLink } from "@/lib/api/to-api-invite-link";
import { toTeamRef } from "@/lib/api/to-team-ref";
import { createInviteLink } from "@/lib/invite-links/create-invite-link";
import { listInviteLinks } from "@/lib/invite-links/list-invite-links";

export const GET = apiRoute<{ team: string }>("invitations:read", async ({ actor, params }) => {
  const result = await listInviteLinks(actor, toTeamRef(params.team));
  if (!result.ok) return problemFromFailure(result);
  return json({ data: result.links.map(toApiInviteLink) });
});

export const POST = apiRoute<{ team: string }>("invitations:write", async ({ actor, request, params }) => {
  const body = await parseBody(request, createInviteLinkBodySchema);
  if (!body.ok) return body.response;
  const result = await createInviteLink(actor, toTeamRef(params.team), body.value);
  if (!result.ok) return problemFromFailure(result);
  return json({ link: toApiInviteLink(result.link), url: result.url }, 201);
});
