"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { readClientAddress } from "@/lib/auth/client-address";
import { resetPassword } from "@/lib/auth/reset-password";

const schema = z.strictObject({ token: z.string().min(1).max(200), password: z.unknown().optional() });

/** The link's token and the new password (parsed once, by `resetPassword`); the data layer decides everything else. */
export async function resetPasswordAction(input: unknown) {
  return runAction<typeof schema, { email: string }>(schema, input, async (_actor, { token, password }) =>
    resetPassword(token, { password }, { clientAddress: await readClientAddress() }),
  );
}
