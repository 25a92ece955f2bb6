"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { tokenSchema } from "./input-schemas";

export async function acceptInvitationAction(input: unknown) {
  const result = await runAction(
    z.strictObject({ token: tokenSchema }),
    input,
    (actor, { token }) => acceptInvitation(actor, token),
    () => "/",
  );
  if (!result.ok) return result;
  redirect(`/teams/${result.team.slug}?joined=${result.alreadyMember ? "already" : "new"}`);
}
