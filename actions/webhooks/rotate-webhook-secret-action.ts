"use server";

import { runAction } from "@/lib/actions/run-action";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";
import { endpointPath, endpointTargetSchema } from "./input-schemas";

export async function rotateWebhookSecretAction(input: unknown) {
  return runAction(
    endpointTargetSchema,
    input,
    (actor, { teamSlug, endpointId }) => rotateWebhookSecret(actor, { slug: teamSlug }, endpointId),
    endpointPath,
  );
}
