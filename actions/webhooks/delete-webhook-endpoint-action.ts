"use server";

import { runAction } from "@/lib/actions/run-action";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { endpointTargetSchema, webhooksPath } from "./input-schemas";

export async function deleteWebhookEndpointAction(input: unknown) {
  return runAction(
    endpointTargetSchema,
    input,
    (actor, { teamSlug, endpointId }) => deleteWebhookEndpoint(actor, { slug: teamSlug }, endpointId),
    webhooksPath,
  );
}
