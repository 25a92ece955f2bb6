"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { acceptInvitationByToken } from "@/lib/invitations/accept-invitation-by-token";
import { tokenSchema } from "./input-schemas";

export async function acceptInvitationAction(input: unknown) {
  const result = await runAction(
    z.strictObject({ token: tokenSchema }),
    input,
    (actor, { token }) => acceptInvitationByToken(actor, token),
    () => "/",
  );
  if (!result.ok) return result;
  redirect(`/teams/${result.team.slug}?joined=${result.alreadyMember ? "already" : "new"}`);
}
