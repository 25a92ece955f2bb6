"use server";

import { z } from "zod";
import { signUpFromInvitation } from "@/lib/invitations/sign-up-from-invitation";
import { zodFailure } from "@/lib/validation/zod-failure";
import { tokenSchema } from "./input-schemas";

const schema = z.strictObject({ token: tokenSchema, name: z.unknown().optional(), password: z.unknown().optional() });

/** No session is needed (or used): the token names the address the account is created for. */
export async function signUpAndAcceptAction(input: unknown) {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  const { token, name, password } = parsed.data;
  const result = await signUpFromInvitation(token, { name, password });
  if (!result.ok) return result;
  return { ok: true as const, email: result.email, teamSlug: result.team.slug };
}
