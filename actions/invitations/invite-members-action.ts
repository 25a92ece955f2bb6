"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { inviteMembers } from "@/lib/invitations/invite-members";
import { invitationsPath, teamSlugSchema } from "./input-schemas";

/** The invitation itself is parsed once, by `inviteMembers`, after the team's permission check. */
const schema = z.strictObject({ teamSlug: teamSlugSchema, invitation: z.unknown().optional() });

export async function inviteMembersAction(input: unknown) {
  return runAction(
    schema,
    input,
    (actor, { teamSlug, invitation }) => inviteMembers(actor, { slug: teamSlug }, invitation),
    invitationsPath,
  );
}
