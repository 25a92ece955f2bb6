import { z } from "zod";
import { apiRoute, json } from "@/lib/api/api-handler";
import { parseBody } from "@/lib/api/parse-input";
import { problem, problemFromFailure } from "@/lib/api/problem";
import { toTeamRef } from "@/lib/api/to-team-ref";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";

type Params = { team: string; id: string };

/** A team holds at most ten endpoints: one is read from its list. */
export const GET = apiRoute<Params>("webhooks:read", async ({ actor, params }) => {
  const result = await listWebhookEndpoints(actor, toTeamRef(params.team));
  if (!result.ok) return problemFromFailure(result);
  const endpoint = result.endpoints.find((candidate) => candidate.id === params.id.toLowerCase());
  return endpoint ? json(endpoint) : problem("NOT_FOUND", "Webhook endpoint not found.");
});

export const PATCH = apiRoute<Params>("webhooks:write", async ({ actor, request, params }) => {
  const body = await parseBody(request, z.unknown());
  if (!body.ok) return body.response;
  const result = await updateWebhookEndpoint(actor, toTeamRef(params.team), params.id, body.value);
  if (!result.ok) return problemFromFailure(result);
  return json(result.endpoint);
});

export const DELETE = apiRoute<Params>("webhooks:write", async ({ actor, params }) => {
  const result = await deleteWebhookEndpoint(actor, toTeamRef(params.team), params.id);
  if (!result.ok) return problemFromFailure(result);
  return new Response(null, { status: 204 });
});
