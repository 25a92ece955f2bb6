"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { changeMemberRole } from "@/lib/members/manage-member";
import { memberTargetSchema, membersPath } from "./input-schemas";

const schema = memberTargetSchema.extend({ roleId: z.string().max(64) });

export async function changeMemberRoleAction(input: unknown) {
  return runAction(
    schema,
    input,
    (actor, { teamSlug, membershipId, roleId }) => changeMemberRole(actor, { slug: teamSlug }, membershipId, roleId),
    membersPath,
  );
}
