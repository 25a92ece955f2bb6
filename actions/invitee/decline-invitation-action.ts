"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { declineInvitationByToken } from "@/lib/invitations/decline-invitation-by-token";
import { tokenSchema } from "./input-schemas";

const schema = z.strictObject({ token: tokenSchema, reason: z.unknown().optional() });

export async function declineInvitationAction(input: unknown) {
  let token = "";
  const result = await runAction(schema, input, (actor, parsed) => {
    token = parsed.token;
    return declineInvitationByToken(actor, parsed.token, { reason: parsed.reason });
  });
  if (!result.ok) return result;
  redirect(`/invite/${encodeURIComponent(token)}?declined=1`);
}
