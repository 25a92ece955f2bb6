"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { suggestMember } from "@/lib/join-requests/suggest-member";
import { requestsPaths, teamSlugSchema } from "./input-schemas";

export async function suggestMemberAction(input: unknown) {
  return runAction(
    z.strictObject({ teamSlug: teamSlugSchema, suggestion: z.unknown().optional() }),
    input,
    (actor, { teamSlug, suggestion }) => suggestMember(actor, { slug: teamSlug }, suggestion),
    requestsPaths,
  );
}
