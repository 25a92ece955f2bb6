import { apiRoute, jsonText } from "@/lib/api/api-handler";
import { parseQuery } from "@/lib/api/parse-input";
import { problemFromFailure } from "@/lib/api/problem";
import { pageQuerySchema } from "@/lib/api/schemas";
import { apiInvitationPageJson, readApiInvitations } from "@/lib/api/read-api-invitations";
import { listSentInvitations } from "@/lib/invitations/list-sent-invitations";

export const GET = apiRoute("invitations:read", async ({ actor, request }) => {
  const query = parseQuery(request, pageQuerySchema);
  if (!query.ok) return query.response;
  const result = await listSentInvitations(actor, query.value, readApiInvitations);
  if (!result.ok) return problemFromFailure(result);
  return jsonText(apiInvitationPageJson(result.invitations, result.next));
});
