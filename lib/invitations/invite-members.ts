import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { TeamRef } from "@/lib/teams/authorize-team";
import { zodFailure } from "@/lib/validation/zod-failure";
import { inviteMembersSchema } from "./schemas";
import { inviteMembersByReference } from "./invite-members-by-reference";

/** The invite dialog's entry point: the role and groups by id, under the form's field names; `input` is parsed here, once. */
export async function inviteMembers(actor: Actor | null, team: TeamRef, input: unknown) {
  const parsed = inviteMembersSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  const { emails, roleId, groupIds, language, message } = parsed.data;
  return inviteMembersByReference(
    actor,
    team,
    { emails, role: roleId, groups: groupIds, language, message },
    { role: "roleId", groups: "groupIds" },
  );
}
