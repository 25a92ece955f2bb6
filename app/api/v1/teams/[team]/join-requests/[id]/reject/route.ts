import { apiRoute } from "@/lib/api/api-handler";
import { parseBody } from "@/lib/api/parse-input";
import { problemFromFailure } from "@/lib/api/problem";
import { rejectJoinRequestBodySchema } from "@/lib/api/schemas";
import { toTeamRef } from "@/lib/api/to-team-ref";
import { rejectJoinRequest } from "@/lib/join-requests/reject-join-request";

export const POST = apiRoute<{ team: string; id: string }>("invitations:write", async ({ actor, params, request }) => {
  const body =
    request.headers.get("content-length") === "0" || !request.body
      ? { ok: true as const, value: {} }
      : await parseBody(request, rejectJoinRequestBodySchema);
  if (!body.ok) return body.response;
  const result = await rejectJoinRequest(actor, toTeamRef(params.team), params.id, body.value);
  if (!result.ok) return problemFromFailure(result);
  return new Response(null, { status: 204 });
});
