"use server";

import { runAction } from "@/lib/actions/run-action";
import { revealWebhookSecret } from "@/lib/webhooks/reveal-webhook-secret";
import { endpointTargetSchema } from "./input-schemas";

/** A POST (never a page's GET), so the secret is read only on purpose, and each reveal is audited. */
export async function revealWebhookSecretAction(input: unknown) {
  return runAction(endpointTargetSchema, input, (actor, { teamSlug, endpointId }) =>
    revealWebhookSecret(actor, { slug: teamSlug }, endpointId),
  );
}
