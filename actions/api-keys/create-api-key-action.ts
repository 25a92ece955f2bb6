"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { createApiKey } from "@/lib/api-keys/create-api-key";

/** The whole input is the key's settings, parsed once by `createApiKey` after the session check. */
export async function createApiKeyAction(input: unknown) {
  return runAction(
    z.unknown(),
    input,
    (actor, value) => createApiKey(actor, value),
    () => "/account/api-keys",
  );
}
