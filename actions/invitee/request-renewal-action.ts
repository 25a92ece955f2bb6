"use server";

import { z } from "zod";
import { requestInvitationRenewal } from "@/lib/invitations/request-invitation-renewal";
import { zodFailure } from "@/lib/validation/zod-failure";
import { tokenSchema } from "./input-schemas";

export async function requestRenewalAction(input: unknown) {
  const parsed = z.strictObject({ token: tokenSchema }).safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  return requestInvitationRenewal(parsed.data.token);
}
