"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { updateAllowedDomains } from "@/lib/teams/update-allowed-domains";

export async function updateAllowedDomainsAction(input: unknown) {
  return runAction(
    z.strictObject({ teamSlug: z.string().min(1).max(64), domains: z.unknown().optional() }),
    input,
    (actor, { teamSlug, domains }) => updateAllowedDomains(actor, { slug: teamSlug }, { domains }),
    (input) => [`/teams/${input.teamSlug}/settings/domains`, `/teams/${input.teamSlug}/settings/invitations`],
  );
}
