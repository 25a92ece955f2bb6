"use server";

import { runAction } from "@/lib/actions/run-action";
import { declineInvitationById } from "@/lib/invitations/decline-invitation-by-id";
import { receivedInvitationSchema } from "./input-schemas";

export async function declineReceivedInvitationAction(input: unknown) {
  return runAction(
    receivedInvitationSchema,
    input,
    (actor, { invitationId, reason }) => declineInvitationById(actor, invitationId, { reason }),
    () => "/invitations",
  );
}
