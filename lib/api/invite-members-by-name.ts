import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { inviteMembers } from "@/lib/invitations/invite-members";
import { fail } from "@/lib/result";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { isUuid } from "@/lib/validation/uuid";
import type { createInvitationsBodySchema } from "./schemas";

/**
 * The API's invite: callers may name the role by key and groups by name. The names are looked
 * up only after the caller is authorized, within that team; then the UI's `inviteMembers` runs.
 */
export async function inviteMembersByName(actor: Actor | null, team: TeamRef, input: z.output<typeof createInvitationsBodySchema>) {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  const teamId = access.team.id;

  const role = await db.role.findFirst({ where: isUuid(input.role) ? { id: input.role, teamId } : { key: input.role, teamId }, select: { id: true } });
  if (!role) return fail("INVALID", "Choose a role that exists in this team.", { fieldErrors: { role: [`Unknown role: ${input.role}`] } });

  const wanted = [...new Set(input.groups ?? [])];
  const ids = wanted.filter(isUuid);
  const groups = wanted.length
    ? await db.group.findMany({ where: { teamId, OR: [{ id: { in: ids } }, { name: { in: wanted } }] }, select: { id: true, name: true } })
    : [];
  const groupIds: string[] = [];
  for (const reference of wanted) {
    const group = groups.find((candidate) => candidate.id === reference) ?? groups.find((candidate) => candidate.name === reference);
    if (!group) return fail("INVALID", "One of the groups does not exist in this team.", { fieldErrors: { groups: [`Unknown group: ${reference}`] } });
    groupIds.push(group.id);
  }

  return inviteMembers(actor, { teamId }, { emails: input.emails, roleId: role.id, groupIds, language: input.language });
}
