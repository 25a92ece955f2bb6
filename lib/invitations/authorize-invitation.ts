import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { canGrantRole } from "@/lib/permissions/can";
import { fail, type Result } from "@/lib/result";
import { authorizeTeam, type TeamAccess, type TeamRef } from "@/lib/teams/authorize-team";
import { invitationIdSchema } from "./schemas";

export type ManagedInvitation = {
  id: string;
  email: string;
  status: "PENDING" | "ACCEPTED" | "DECLINED" | "WITHDRAWN";
  expiresAt: Date;
  role: { id: string; name: string; rank: number };
};

/**
 * members.manage in the invitation's team, the invitation found within that team only
 * (another team's id answers not found), and its role within what the actor may grant.
 */
export async function authorizeInvitation(
  actor: Actor | null,
  team: TeamRef,
  invitationId: string,
): Promise<Result<{ access: TeamAccess; invitation: ManagedInvitation }>> {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  if (!invitationIdSchema.safeParse(invitationId).success) return fail("NOT_FOUND", "Invitation not found.");
  const invitation = await db.invitation.findFirst({
    where: { id: invitationId, teamId: access.team.id },
    select: {
      id: true,
      email: true,
      status: true,
      expiresAt: true,
      role: { select: { id: true, name: true, rank: true } },
    },
  });
  if (!invitation) return fail("NOT_FOUND", "Invitation not found.");
  if (!canGrantRole(access.role, invitation.role)) {
    return fail("FORBIDDEN", `Only someone who can grant ${invitation.role.name} can change this invitation.`);
  }
  return { ok: true, access, invitation };
}
