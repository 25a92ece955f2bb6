"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { createApiKey, createApiKeySchema, revokeApiKey } from "@/lib/api-keys/manage-api-keys";

const path = () => "/account/api-keys";

export async function createApiKeyAction(input: unknown) {
  return runAction(createApiKeySchema, input, (actor, value) => createApiKey(actor, value), path);
}

export async function revokeApiKeyAction(input: unknown) {
  return runAction(z.strictObject({ apiKeyId: z.string().max(64) }), input, (actor, { apiKeyId }) => revokeApiKey(actor, apiKeyId), path);
}
