import { z } from "zod";
import { apiRoute, json } from "@/lib/api/api-handler";
import { parseBody } from "@/lib/api/parse-input";
import { problemFromFailure } from "@/lib/api/problem";
import { toTeamRef } from "@/lib/api/to-team-ref";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";

export const GET = apiRoute<{ team: string }>("webhooks:read", async ({ actor, params }) => {
  const result = await listWebhookEndpoints(actor, toTeamRef(params.team));
  if (!result.ok) return problemFromFailure(result);
  return json({ data: result.endpoints });
});

/** The body is parsed once, by createWebhookEndpoint; here only read and checked for NULs. */
export const POST = apiRoute<{ team: string }>("webhooks:write", async ({ actor, request, params }) => {
  const body = await parseBody(request, z.unknown());
  if (!body.ok) return body.response;
  const result = await createWebhookEndpoint(actor, toTeamRef(params.team), body.value);
  if (!result.ok) return problemFromFailure(result);
  return json({ endpoint: result.endpoint, secret: result.secret }, 201);
});
