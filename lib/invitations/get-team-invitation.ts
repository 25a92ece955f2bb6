import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { allowedInvitationActions } from "@/lib/permissions/invitation-actions";
import type { TeamRef } from "@/lib/teams/authorize-team";
import { findTeamInvitation } from "./find-team-invitation";
import { readInvitationDtos } from "./read-invitation-dtos";

export type InvitationHistoryEntry = {
  id: string;
  action: string;
  at: Date;
  actor: { name: string; email: string } | null;
  metadata: unknown;
};

/** One invitation of the team with its history from the audit log. */
export async function getTeamInvitation(actor: Actor | null, team: TeamRef, invitationId: string) {
  const found = await findTeamInvitation(actor, team, invitationId, readInvitationDtos);
  if (!found.ok) return found;
  const { access, invitation } = found;
  const events = await db.auditEvent.findMany({
    where: { teamId: access.team.id, targetType: "invitation", targetId: invitationId },
    orderBy: { createdAt: "asc" },
    select: { id: true, action: true, createdAt: true, metadata: true, actor: { select: { name: true, email: true } } },
    take: 200,
  });
  const history: InvitationHistoryEntry[] = events.map((e) => ({
    id: e.id,
    action: e.action,
    at: e.createdAt,
    actor: e.actor,
    metadata: e.metadata,
  }));
  return { ok: true as const, invitation, history, can: allowedInvitationActions(access.role, invitation) };
}
