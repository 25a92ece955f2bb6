import { z } from "zod";
import { apiRoute, json } from "@/lib/api/api-handler";
import { parseQuery } from "@/lib/api/parse-input";
import { problemFromFailure } from "@/lib/api/problem";
import { toTeamRef } from "@/lib/api/to-team-ref";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";

export const GET = apiRoute<{ team: string; id: string }>("webhooks:read", async ({ actor, request, params }) => {
  // Parsed once, by listWebhookDeliveries (deliveriesQuerySchema); here only checked for NULs.
  const query = parseQuery(request, z.unknown());
  if (!query.ok) return query.response;
  const result = await listWebhookDeliveries(actor, toTeamRef(params.team), params.id, query.value);
  if (!result.ok) return problemFromFailure(result);
  return json({ data: result.deliveries, next: result.next });
});
