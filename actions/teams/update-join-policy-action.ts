"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { updateJoinPolicy } from "@/lib/teams/update-join-policy";

export async function updateJoinPolicyAction(input: unknown) {
  return runAction(
    z.strictObject({ teamSlug: z.string().min(1).max(64), policy: z.unknown().optional() }),
    input,
    (actor, { teamSlug, policy }) => updateJoinPolicy(actor, { slug: teamSlug }, policy),
    ({ teamSlug }) => [`/teams/${teamSlug}/settings/domains`, "/"],
  );
}
