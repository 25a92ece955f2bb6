"use server";

import { runAction } from "@/lib/actions/run-action";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { createApiKeySchema } from "@/lib/api-keys/create-api-key-schema";

export async function createApiKeyAction(input: unknown) {
  return runAction(
    createApiKeySchema,
    input,
    (actor, value) => createApiKey(actor, value),
    () => "/account/api-keys",
  );
}
