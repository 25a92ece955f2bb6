"use server";

import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { changeMemberRole, removeMember } from "@/lib/members/manage-member";

const target = { teamSlug: z.string().min(1).max(64), membershipId: z.string().max(64) };
const membersPath = (input: { teamSlug: string }) => `/teams/${input.teamSlug}/settings/members`;

export async function changeMemberRoleAction(input: unknown) {
  return runAction(
    z.strictObject({ ...target, roleId: z.string().max(64) }),
    input,
    (actor, { teamSlug, membershipId, roleId }) => changeMemberRole(actor, { slug: teamSlug }, membershipId, roleId),
    membersPath,
  );
}

export async function removeMemberAction(input: unknown) {
  return runAction(
    z.strictObject(target),
    input,
    (actor, { teamSlug, membershipId }) => removeMember(actor, { slug: teamSlug }, membershipId),
    membersPath,
  );
}
