"use server";

import { runAction } from "@/lib/actions/run-action";
import { resendInvitation } from "@/lib/invitations/resend-invitation";
import { invitationsPath, invitationTargetSchema } from "./input-schemas";

export async function resendInvitationAction(input: unknown) {
  return runAction(
    invitationTargetSchema,
    input,
    (actor, { teamSlug, invitationId }) => resendInvitation(actor, { slug: teamSlug }, invitationId),
    invitationsPath,
  );
}
