"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { askToJoin } from "@/lib/join-requests/ask-to-join";
import { teamSlugSchema } from "./input-schemas";

export async function askToJoinAction(input: unknown) {
  return runAction(
    z.strictObject({ teamSlug: teamSlugSchema, request: z.unknown().optional() }),
    input,
    (actor, { teamSlug, request }) => askToJoin(actor, { slug: teamSlug }, request),
    ({ teamSlug }) => ["/", `/teams/${teamSlug}/settings/requests`],
  );
}
