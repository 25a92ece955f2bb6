"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { updateInvitation } from "@/lib/invitations/update-invitation";
import { updateInvitationSchema } from "@/lib/invitations/schemas";
import { invitationsPath, teamSlugSchema } from "./input-schemas";

const schema = z.strictObject({ teamSlug: teamSlugSchema, invitationId: z.string().max(64), changes: z.unknown() });

export async function updateInvitationAction(input: unknown) {
  return runAction(
    schema,
    input,
    (actor, { teamSlug, invitationId, changes }) =>
      updateInvitation(actor, { slug: teamSlug }, invitationId, changes as z.input<typeof updateInvitationSchema>),
    invitationsPath,
  );
}
