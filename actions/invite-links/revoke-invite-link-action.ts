"use server";

import { runAction } from "@/lib/actions/run-action";
import { revokeInviteLink } from "@/lib/invite-links/revoke-invite-link";
import { inviteLinksPath, inviteLinkTargetSchema } from "./input-schemas";

export async function revokeInviteLinkAction(input: unknown) {
  return runAction(
    inviteLinkTargetSchema,
    input,
    (actor, { teamSlug, linkId }) => revokeInviteLink(actor, { slug: teamSlug }, linkId),
    inviteLinksPath,
  );
}
