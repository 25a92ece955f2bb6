import { apiRoute } from "@/lib/api/api-handler";
import { problemFromFailure } from "@/lib/api/problem";
import { toTeamRef } from "@/lib/api/to-team-ref";
import { replayWebhookDelivery } from "@/lib/webhooks/replay-webhook-delivery";

export const POST = apiRoute<{ team: string; id: string }>("webhooks:write", async ({ actor, params }) => {
  const result = await replayWebhookDelivery(actor, toTeamRef(params.team), params.id);
  if (!result.ok) return problemFromFailure(result);
  return new Response(null, { status: 202 });
});
