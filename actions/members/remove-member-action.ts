"use server";

import { runAction } from "@/lib/actions/run-action";
import { removeMember } from "@/lib/members/manage-member";
import { memberTargetSchema, membersPath } from "./input-schemas";

export async function removeMemberAction(input: unknown) {
  return runAction(
    memberTargetSchema,
    input,
    (actor, { teamSlug, membershipId }) => removeMember(actor, { slug: teamSlug }, membershipId),
    membersPath,
  );
}
