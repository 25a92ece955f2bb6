"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { readClientAddress } from "@/lib/auth/client-address";
import { requestPasswordReset } from "@/lib/auth/request-password-reset";
import { readRequestLanguage } from "@/lib/i18n/read-request-language";

/** No session needed: the answer is the same for every address (lib/auth/request-password-reset.ts), which parses the input once. */
export async function requestPasswordResetAction(input: unknown) {
  return runAction(z.unknown(), input, async (_actor, data) =>
    requestPasswordReset(data, { clientAddress: await readClientAddress(), language: await readRequestLanguage() }),
  );
}
