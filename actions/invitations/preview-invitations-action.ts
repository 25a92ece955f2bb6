"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { previewInvitations } from "@/lib/invitations/preview-invitations";
import { teamSlugSchema } from "./input-schemas";

const schema = z.strictObject({ teamSlug: teamSlugSchema, text: z.unknown().optional() });

export async function previewInvitationsAction(input: unknown) {
  return runAction(schema, input, (actor, { teamSlug, text }) => previewInvitations(actor, { slug: teamSlug }, text));
}
