"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { readClientAddress } from "@/lib/auth/client-address";
import { signUpThroughLink } from "@/lib/invite-links/sign-up-through-link";
import { readRequestLanguage } from "@/lib/i18n/read-request-language";
import { linkTokenSchema } from "./input-schemas";

/** No session is used: the account is created unverified and joins only once its email is confirmed. */
export async function signUpThroughLinkAction(input: unknown) {
  return runAction(
    z.strictObject({ token: linkTokenSchema, account: z.unknown() }),
    input,
    async (_actor, { token, account }) =>
      signUpThroughLink(token, account, {
        clientAddress: await readClientAddress(),
        language: await readRequestLanguage(),
      }),
  );
}
