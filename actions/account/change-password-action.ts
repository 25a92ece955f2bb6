"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { changePassword } from "@/lib/auth/change-password";
import { readSessionClaims } from "@/lib/auth/read-session-claims";

/** The signed-in user's own password; this browser stays signed in, every other session ends. The passwords are parsed once, by `changePassword`. */
export async function changePasswordAction(input: unknown) {
  return runAction(z.unknown(), input, async (actor, data) =>
    changePassword(actor, (await readSessionClaims())?.sessionId ?? null, data),
  );
}
