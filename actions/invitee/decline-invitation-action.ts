"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { declineInvitation } from "@/lib/invitations/accept-invitation";
import { tokenSchema } from "./input-schemas";

const schema = z.strictObject({ token: tokenSchema, reason: z.string().max(2000).optional() });

export async function declineInvitationAction(input: unknown) {
  const result = await runAction(schema, input, (actor, { token, reason }) =>
    declineInvitation(actor, token, { reason }),
  );
  if (!result.ok) return result;
  const { token } = schema.parse(input);
  redirect(`/invite/${encodeURIComponent(token)}?declined=1`);
}
