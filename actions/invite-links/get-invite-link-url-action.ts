"use server";

import { runAction } from "@/lib/actions/run-action";
import { getInviteLinkUrl } from "@/lib/invite-links/get-invite-link-url";
import { inviteLinkTargetSchema } from "./input-schemas";

/** "Copy link": the URL of a working link, recorded as copied. */
export async function getInviteLinkUrlAction(input: unknown) {
  return runAction(inviteLinkTargetSchema, input, (actor, { teamSlug, linkId }) =>
    getInviteLinkUrl(actor, { slug: teamSlug }, linkId),
  );
}
