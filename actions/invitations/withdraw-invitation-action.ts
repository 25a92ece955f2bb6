"use server";

import { runAction } from "@/lib/actions/run-action";
import { withdrawInvitation } from "@/lib/invitations/withdraw-invitation";
import { invitationsPath, invitationTargetSchema } from "./input-schemas";

export async function withdrawInvitationAction(input: unknown) {
  return runAction(
    invitationTargetSchema,
    input,
    (actor, { teamSlug, invitationId }) => withdrawInvitation(actor, { slug: teamSlug }, invitationId),
    invitationsPath,
  );
}
