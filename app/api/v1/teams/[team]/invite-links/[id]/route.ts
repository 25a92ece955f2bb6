import { apiRoute, json } from "@/lib/api/api-handler";
import { problemFromFailure } from "@/lib/api/problem";
import { toApiInviteLink } from "@/lib/api/to-api-invite-link";
import { toTeamRef } from "@/lib/api/to-team-ref";
import { revokeInviteLink } from "@/lib/invite-links/revoke-invite-link";

/** Revokes the link (it stays listed, as revoked, with who joined through it). */
export const DELETE = apiRoute<{ team: string; id: string }>("invitations:write", async ({ actor, params }) => {
  const result = await revokeInviteLink(actor, toTeamRef(params.team), params.id);
  if (!result.ok) return problemFromFailure(result);
  return json(toApiInviteLink(result.link));
});
