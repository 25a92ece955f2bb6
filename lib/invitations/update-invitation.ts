import "server-only";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { runTransaction } from "@/lib/db/run-transaction";
import { canGrantRole } from "@/lib/permissions/can";
import { fail } from "@/lib/result";
import type { TeamRef } from "@/lib/teams/authorize-team";
import { zodFailure } from "@/lib/validation/zod-failure";
import { authorizeInvitation } from "./authorize-invitation";
import { describeClosedInvitation } from "./describe-closed-invitation";
import { readClosedState } from "./read-closed-state";
import { updateInvitationSchema } from "./schemas";

/** Pending only: role (within the hierarchy), groups or language; the token and link stay. `input` is parsed here, once, after the permission check. */
export async function updateInvitation(actor: Actor | null, team: TeamRef, invitationId: string, input: unknown) {
  const auth = await authorizeInvitation(actor, team, invitationId);
  if (!auth.ok) return auth;
  const parsed = updateInvitationSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  const { access, invitation } = auth;
  const { roleId, groupIds, language } = parsed.data;
  const teamId = access.team.id;

  const uniqueGroupIds = groupIds ? [...new Set(groupIds)] : undefined;
  const [role, groupsFound] = await Promise.all([
    roleId ? db.role.findFirst({ where: { id: roleId, teamId }, select: { rank: true, name: true } }) : null,
    uniqueGroupIds?.length ? db.group.count({ where: { id: { in: uniqueGroupIds }, teamId } }) : 0,
  ]);
  if (roleId) {
    if (!role)
      return fail("INVALID", "Choose a role that exists in this team.", { fieldErrors: { roleId: ["Unknown role"] } });
    if (!canGrantRole(access.role, role))
      return fail("FORBIDDEN", `You can't grant ${role.name}: it is above your own role.`);
  }
  if (uniqueGroupIds && groupsFound !== uniqueGroupIds.length)
    return fail("INVALID", "One of the groups does not exist in this team.");

  // The invitation's row first (the conditional UPDATE locks it), then its groups: an accept
  // waiting on that lock sees the edit whole, or the edit finds the invitation closed.
  return runTransaction(async (tx) => {
    const count = await tx.$executeRaw`
      UPDATE "Invitation"
      SET "roleId" = COALESCE(${roleId ?? null}::uuid, "roleId"), "language" = COALESCE(${language ?? null}, "language"), "updatedAt" = now()
      WHERE "id" = ${invitation.id}::uuid AND "teamId" = ${teamId}::uuid AND "status" = 'PENDING'`;
    if (count === 0)
      return describeClosedInvitation((await readClosedState(tx, { id: invitation.id, teamId })).state, {
        to: "admin",
      });
    if (uniqueGroupIds) {
      await tx.invitationGroup.deleteMany({ where: { invitationId: invitation.id } });
      if (uniqueGroupIds.length > 0) {
        await tx.invitationGroup.createMany({
          data: uniqueGroupIds.map((groupId) => ({ invitationId: invitation.id, groupId })),
        });
      }
    }
    await recordAuditEvents(tx, [
      {
        teamId,
        actorId: access.membership.userId,
        action: "invitation.updated",
        targetType: "invitation",
        targetId: invitation.id,
        metadata: {
          email: invitation.email,
          ...(roleId ? { roleId } : {}),
          ...(language ? { language } : {}),
          ...(uniqueGroupIds ? { groupIds: uniqueGroupIds } : {}),
        },
      },
    ]);
    return { ok: true as const, id: invitation.id };
  });
}
