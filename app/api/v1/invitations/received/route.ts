import { apiRoute, json } from "@/lib/api/api-handler";
import { parseQuery } from "@/lib/api/parse-input";
import { problemFromFailure } from "@/lib/api/problem";
import { pageQuerySchema } from "@/lib/api/schemas";
import { toApiInvitation } from "@/lib/api/to-api-invitation";
import { listReceivedInvitations } from "@/lib/invitations/list-received-invitations";

export const GET = apiRoute("invitations:read", async ({ actor, request }) => {
  const query = parseQuery(request, pageQuerySchema);
  if (!query.ok) return query.response;
  const result = await listReceivedInvitations(actor, query.value);
  if (!result.ok) return problemFromFailure(result);
  return json({ data: result.invitations.map(toApiInvitation), next: result.next });
});
