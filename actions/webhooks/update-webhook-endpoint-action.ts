"use server";

import { runAction } from "@/lib/actions/run-action";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";
import { endpointChangeSchema, endpointPath, webhooksPath } from "./input-schemas";

export async function updateWebhookEndpointAction(input: unknown) {
  return runAction(
    endpointChangeSchema,
    input,
    (actor, { teamSlug, endpointId, change }) => updateWebhookEndpoint(actor, { slug: teamSlug }, endpointId, change),
    (target) => [webhooksPath(target), endpointPath(target)],
  );
}
