"use server";

import { runAction } from "@/lib/actions/run-action";
import { resetInvitationLink } from "@/lib/invitations/reset-invitation-link";
import { invitationsPath, invitationTargetSchema } from "./input-schemas";

export async function resetInvitationLinkAction(input: unknown) {
  return runAction(
    invitationTargetSchema,
    input,
    (actor, { teamSlug, invitationId }) => resetInvitationLink(actor, { slug: teamSlug }, invitationId),
    invitationsPath,
  );
}
