import "server-only";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { canGrantRole } from "@/lib/permissions/can";
import { fail } from "@/lib/result";
import type { TeamRef } from "@/lib/teams/authorize-team";
import { zodFailure } from "@/lib/validation/zod-failure";
import { authorizeInvitation, describeClosedInvitation } from "./authorize-invitation";
import { updateInvitationSchema, type UpdateInvitationInput } from "./schemas";

/** Pending only: role (within the hierarchy), groups or language; the token and link stay. */
export async function updateInvitation(actor: Actor | null, team: TeamRef, invitationId: string, input: UpdateInvitationInput) {
  const auth = await authorizeInvitation(actor, team, invitationId);
  if (!auth.ok) return auth;
  const parsed = updateInvitationSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  const { access, invitation } = auth;
  const { roleId, groupIds, language } = parsed.data;
  const teamId = access.team.id;

  if (roleId) {
    const role = await db.role.findFirst({ where: { id: roleId, teamId }, select: { rank: true, name: true } });
    if (!role) return fail("INVALID", "Choose a role that exists in this team.", { fieldErrors: { roleId: ["Unknown role"] } });
    if (!canGrantRole(access.role, role)) return fail("FORBIDDEN", `You can't grant ${role.name}: it is above your own role.`);
  }
  const uniqueGroupIds = groupIds ? [...new Set(groupIds)] : undefined;
  if (uniqueGroupIds) {
    const found = await db.group.count({ where: { id: { in: uniqueGroupIds }, teamId } });
    if (found !== uniqueGroupIds.length) return fail("INVALID", "One of the groups does not exist in this team.");
  }

  return db.$transaction(async (tx) => {
    const count = await tx.$executeRaw`
      UPDATE "Invitation"
      SET "roleId" = COALESCE(${roleId ?? null}::uuid, "roleId"), "language" = COALESCE(${language ?? null}, "language"), "updatedAt" = now()
      WHERE "id" = ${invitation.id}::uuid AND "teamId" = ${teamId}::uuid AND "status" = 'PENDING'`;
    if (count === 0) {
      const current = await tx.invitation.findFirst({ where: { id: invitation.id }, select: { status: true } });
      return current ? fail("CONFLICT", describeClosedInvitation(current.status)) : fail("NOT_FOUND", "Invitation not found.");
    }
    if (uniqueGroupIds) {
      await tx.invitationGroup.deleteMany({ where: { invitationId: invitation.id } });
      await tx.invitationGroup.createMany({ data: uniqueGroupIds.map((groupId) => ({ invitationId: invitation.id, groupId })) });
    }
    await recordAuditEvents(tx, [
      {
        teamId,
        actorId: access.membership.userId,
        action: "invitation.updated",
        targetType: "invitation",
        targetId: invitation.id,
        metadata: { email: invitation.email, ...(roleId ? { roleId } : {}), ...(language ? { language } : {}), ...(uniqueGroupIds ? { groupIds: uniqueGroupIds } : {}) },
      },
    ]);
    return { ok: true as const, id: invitation.id };
  });
}
