import { apiRoute } from "@/lib/api/api-handler";
import { parseBody } from "@/lib/api/parse-input";
import { problemFromFailure } from "@/lib/api/problem";
import { declineBodySchema } from "@/lib/api/schemas";
import { declineInvitationById } from "@/lib/invitations/decline-invitation-by-id";

export const POST = apiRoute<{ id: string }>("invitations:write", async ({ actor, params, request }) => {
  const body =
    request.headers.get("content-length") === "0" || !request.body
      ? { ok: true as const, value: {} }
      : await parseBody(request, declineBodySchema);
  if (!body.ok) return body.response;
  const result = await declineInvitationById(actor, params.id, body.value);
  if (!result.ok) return problemFromFailure(result);
  return new Response(null, { status: 204 });
});
