import "server-only";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { runTransaction } from "@/lib/db/run-transaction";
import { fail } from "@/lib/result";
import type { TeamRef } from "@/lib/teams/authorize-team";
import { authorizeInvitation } from "./authorize-invitation";

/** Gone from the list for good (a pending link dies with it); the audit log keeps the event. */
export async function deleteInvitation(actor: Actor | null, team: TeamRef, invitationId: string) {
  const auth = await authorizeInvitation(actor, team, invitationId);
  if (!auth.ok) return auth;
  const { access, invitation } = auth;
  return runTransaction(async (tx) => {
    const { count } = await tx.invitation.deleteMany({ where: { id: invitation.id, teamId: access.team.id } });
    if (count === 0) return fail("NOT_FOUND", "Invitation not found.");
    await recordAuditEvents(tx, [
      {
        teamId: access.team.id,
        actorId: access.membership.userId,
        action: "invitation.deleted",
        targetType: "invitation",
        targetId: invitation.id,
        metadata: { email: invitation.email, status: invitation.status },
      },
    ]);
    return { ok: true as const, id: invitation.id };
  });
}
