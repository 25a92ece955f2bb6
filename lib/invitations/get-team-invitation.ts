import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { readDatabaseNow } from "@/lib/db/database-now";
import { allowedInvitationActions } from "@/lib/permissions/invitation-actions";
import { Prisma } from "@/lib/generated/prisma/client";
import { fail } from "@/lib/result";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { readInvitationDtos } from "./read-invitation-dtos";
import { invitationIdSchema } from "./schemas";

export type InvitationHistoryEntry = {
  id: string;
  action: string;
  at: Date;
  actor: { name: string; email: string } | null;
  metadata: unknown;
};

/** One invitation of the team with its history from the audit log. */
export async function getTeamInvitation(actor: Actor | null, team: TeamRef, invitationId: string) {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  if (!invitationIdSchema.safeParse(invitationId).success) return fail("NOT_FOUND", "Invitation not found.");
  const now = await readDatabaseNow(db);
  const [invitation] = await readInvitationDtos(
    db,
    {
      where: Prisma.sql`i."id" = ${invitationId}::uuid AND i."teamId" = ${access.team.id}::uuid`,
      orderBy: Prisma.sql`i."id"`,
      limit: 1,
    },
    now,
  );
  if (!invitation) return fail("NOT_FOUND", "Invitation not found.");
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
