"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { acceptReceivedInvitation, declineReceivedInvitation } from "@/lib/invitations/accept-invitation";

const schema = z.strictObject({ invitationId: z.string().max(64), reason: z.string().max(2000).optional() });

export async function acceptReceivedInvitationAction(input: unknown) {
  return runAction(
    schema,
    input,
    (actor, { invitationId }) => acceptReceivedInvitation(actor, invitationId),
    () => ["/invitations", "/"],
  );
}

export async function declineReceivedInvitationAction(input: unknown) {
  return runAction(
    schema,
    input,
    (actor, { invitationId, reason }) => declineReceivedInvitation(actor, invitationId, { reason }),
    () => "/invitations",
  );
}
