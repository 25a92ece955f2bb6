"use server";

import { runAction } from "@/lib/actions/run-action";
import { acceptInvitationById } from "@/lib/invitations/accept-invitation-by-id";
import { receivedInvitationSchema } from "./input-schemas";

export async function acceptReceivedInvitationAction(input: unknown) {
  return runAction(
    receivedInvitationSchema,
    input,
    (actor, { invitationId }) => acceptInvitationById(actor, invitationId),
    () => ["/invitations", "/"],
  );
}
