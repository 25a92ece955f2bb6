"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { updateInvitation } from "@/lib/invitations/update-invitation";
import { invitationsPath, teamSlugSchema } from "./input-schemas";

/** The changes are parsed once, by `updateInvitation`, after the invitation's permission check. */
const schema = z.strictObject({
  teamSlug: teamSlugSchema,
  invitationId: z.string().max(64),
  changes: z.unknown().optional(),
});

export async function updateInvitationAction(input: unknown) {
  return runAction(
    schema,
    input,
    (actor, { teamSlug, invitationId, changes }) => updateInvitation(actor, { slug: teamSlug }, invitationId, changes),
    invitationsPath,
  );
}
