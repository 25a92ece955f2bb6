"use server";

import { runAction } from "@/lib/actions/run-action";
import { getInvitationLink } from "@/lib/invitations/get-invitation-link";
import { invitationTargetSchema } from "./input-schemas";

/** "Copy link": the link of a pending invitation, recorded as copied. */
export async function getInvitationLinkAction(input: unknown) {
  return runAction(invitationTargetSchema, input, (actor, { teamSlug, invitationId }) =>
    getInvitationLink(actor, { slug: teamSlug }, invitationId),
  );
}
