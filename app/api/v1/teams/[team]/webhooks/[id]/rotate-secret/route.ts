import { apiRoute, json } from "@/lib/api/api-handler";
import { problemFromFailure } from "@/lib/api/problem";
import { toTeamRef } from "@/lib/api/to-team-ref";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";

export const POST = apiRoute<{ team: string; id: string }>("webhooks:write", async ({ actor, params }) => {
  const result = await rotateWebhookSecret(actor, toTeamRef(params.team), params.id);
  if (!result.ok) return problemFromFailure(result);
  return json({ secret: result.secret, previousSecretExpiresAt: result.previousSecretExpiresAt });
});
