"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { getInvitationLink } from "@/lib/invitations/get-invitation-link";
import { invitationTargetSchema } from "./input-schemas";

const schema = invitationTargetSchema.extend({ audit: z.enum(["copied", "shown"]).default("copied") });

/** `audit: "shown"` is the invite dialog displaying a link it just created; anything else is a copy. */
export async function getInvitationLinkAction(input: unknown) {
  return runAction(schema, input, (actor, { teamSlug, invitationId, audit }) =>
    getInvitationLink(actor, { slug: teamSlug }, invitationId, audit),
  );
}
