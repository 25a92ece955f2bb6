"use server";

import { runAction } from "@/lib/actions/run-action";
import { deleteInvitation } from "@/lib/invitations/delete-invitation";
import { invitationsPath, invitationTargetSchema } from "./input-schemas";

export async function deleteInvitationAction(input: unknown) {
  return runAction(
    invitationTargetSchema,
    input,
    (actor, { teamSlug, invitationId }) => deleteInvitation(actor, { slug: teamSlug }, invitationId),
    invitationsPath,
  );
}
