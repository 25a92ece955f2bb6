"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { startInvitationImport } from "@/lib/invitations/start-invitation-import";
import { invitationsPath, teamSlugSchema } from "./input-schemas";

/** The file and its defaults are parsed once, by `startInvitationImport`, after the team's permission check. */
const schema = z.strictObject({ teamSlug: teamSlugSchema, file: z.unknown().optional() });

export async function startInvitationImportAction(input: unknown) {
  return runAction(
    schema,
    input,
    (actor, { teamSlug, file }) => startInvitationImport(actor, { slug: teamSlug }, file),
    invitationsPath,
  );
}
