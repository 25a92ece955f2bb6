"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { changePassword } from "@/lib/auth/change-password";
import { readSessionClaims } from "@/lib/auth/read-session-claims";

const schema = z.strictObject({ currentPassword: z.string().max(1024), newPassword: z.string().max(1024) });

/** The signed-in user's own password; this browser stays signed in, every other session ends. */
export async function changePasswordAction(input: unknown) {
  return runAction(schema, input, async (actor, data) =>
    changePassword(actor, (await readSessionClaims())?.sessionId ?? null, data),
  );
}
