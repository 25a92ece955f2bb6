import { apiRoute, json } from "@/lib/api/api-handler";
import { problemFromFailure } from "@/lib/api/problem";
import { toApiInvitation } from "@/lib/api/to-api-invitation";
import { listReceivedInvitations } from "@/lib/invitations/list-received-invitations";

export const GET = apiRoute("invitations:read", async ({ actor }) => {
  const result = await listReceivedInvitations(actor);
  if (!result.ok) return problemFromFailure(result);
  return json({ data: result.invitations.map(toApiInvitation) });
});
