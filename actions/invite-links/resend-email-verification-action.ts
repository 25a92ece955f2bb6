"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { readRequestLanguage } from "@/lib/i18n/read-request-language";
import { resendEmailVerification } from "@/lib/invite-links/resend-email-verification";
import { linkTokenSchema } from "./input-schemas";

export async function resendEmailVerificationAction(input: unknown) {
  return runAction(z.strictObject({ token: linkTokenSchema }), input, async (actor, { token }) =>
    resendEmailVerification(actor, token, await readRequestLanguage()),
  );
}
