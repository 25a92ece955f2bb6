"use server";

import { runAction } from "@/lib/actions/run-action";
import { getTeamInvitation } from "@/lib/invitations/get-team-invitation";
import { invitationTargetSchema } from "./input-schemas";

export async function getInvitationDetailsAction(input: unknown) {
  return runAction(invitationTargetSchema, input, (actor, { teamSlug, invitationId }) =>
    getTeamInvitation(actor, { slug: teamSlug }, invitationId),
  );
}
