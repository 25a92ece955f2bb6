"use server";

import { runAction } from "@/lib/actions/run-action";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { newEndpointSchema, webhooksPath } from "./input-schemas";

export async function createWebhookEndpointAction(input: unknown) {
  return runAction(
    newEndpointSchema,
    input,
    (actor, { teamSlug, endpoint }) => createWebhookEndpoint(actor, { slug: teamSlug }, endpoint),
    webhooksPath,
  );
}
