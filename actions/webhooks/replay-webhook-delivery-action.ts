"use server";

import { runAction } from "@/lib/actions/run-action";
import { replayWebhookDelivery } from "@/lib/webhooks/replay-webhook-delivery";
import { deliveryTargetSchema, endpointPath } from "./input-schemas";

export async function replayWebhookDeliveryAction(input: unknown) {
  return runAction(
    deliveryTargetSchema,
    input,
    (actor, { teamSlug, deliveryId }) => replayWebhookDelivery(actor, { slug: teamSlug }, deliveryId),
    endpointPath,
  );
}
