"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { previewInvitationImport } from "@/lib/invitations/preview-invitation-import";
import { teamSlugSchema } from "./input-schemas";

/** The file and its defaults are parsed once, by `previewInvitationImport`, after the team's permission check. */
const schema = z.strictObject({ teamSlug: teamSlugSchema, file: z.unknown().optional() });

export async function previewInvitationImportAction(input: unknown) {
  return runAction(schema, input, (actor, { teamSlug, file }) =>
    previewInvitationImport(actor, { slug: teamSlug }, file),
  );
}
