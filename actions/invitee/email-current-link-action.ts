"use server";

import { z } from "zod";
import { emailCurrentInvitationLink } from "@/lib/invitations/email-current-invitation-link";
import { zodFailure } from "@/lib/validation/zod-failure";
import { tokenSchema } from "./input-schemas";

export async function emailCurrentLinkAction(input: unknown) {
  const parsed = z.strictObject({ token: tokenSchema }).safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  return emailCurrentInvitationLink(parsed.data.token);
}
