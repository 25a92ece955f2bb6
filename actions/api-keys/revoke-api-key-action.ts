"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";

export async function revokeApiKeyAction(input: unknown) {
  return runAction(
    z.strictObject({ apiKeyId: z.string().max(64) }),
    input,
    (actor, { apiKeyId }) => revokeApiKey(actor, apiKeyId),
    () => "/account/api-keys",
  );
}
