import "server-only";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { fail } from "@/lib/result";
import type { TeamRef } from "@/lib/teams/authorize-team";
import { authorizeInvitation, describeClosedInvitation } from "./authorize-invitation";

/** Pending only: the link stops working at once (the update is conditional on PENDING). */
export async function withdrawInvitation(actor: Actor | null, team: TeamRef, invitationId: string) {
  const auth = await authorizeInvitation(actor, team, invitationId);
  if (!auth.ok) return auth;
  const { access, invitation } = auth;
  return db.$transaction(async (tx) => {
    const changed = await tx.$executeRaw`
      UPDATE "Invitation"
      SET "status" = 'WITHDRAWN', "pendingKey" = NULL, "respondedAt" = now(), "updatedAt" = now()
      WHERE "id" = ${invitation.id}::uuid AND "teamId" = ${access.team.id}::uuid AND "status" = 'PENDING'`;
    if (changed === 0) {
      const current = await tx.invitation.findFirst({ where: { id: invitation.id, teamId: access.team.id }, select: { status: true } });
      return current ? fail("CONFLICT", describeClosedInvitation(current.status)) : fail("NOT_FOUND", "Invitation not found.");
    }
    await recordAuditEvents(tx, [
      {
        teamId: access.team.id,
        actorId: access.membership.userId,
        action: "invitation.withdrawn",
        targetType: "invitation",
        targetId: invitation.id,
        metadata: { email: invitation.email },
      },
    ]);
    return { ok: true as const, id: invitation.id };
  });
}
