import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";

/** How far back the invitations page lists imports: the ones someone may still be following. */
export const RECENT_IMPORT_DAYS = 7;

/** The team's last few imports (members.manage), newest first, for links from the invitations page. */
export async function listRecentInvitationImports(actor: Actor | null, team: TeamRef, limit = 5) {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  const imports = await db.invitationImport.findMany({
    where: {
      teamId: access.team.id,
      createdAt: { gt: new Date(Date.now() - RECENT_IMPORT_DAYS * 86_400_000) },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, fileName: true, status: true, total: true, processed: true, createdAt: true },
  });
  return { ok: true as const, imports };
}
