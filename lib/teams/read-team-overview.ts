import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { readDatabaseNow } from "@/lib/db/database-now";
import { can, canGrantRole } from "@/lib/permissions/can";
import { authorizeTeam, type TeamRef } from "./authorize-team";

/** How many of the soonest-expiring pending invitations the team's home lists. */
export const EXPIRING_SHOWN = 5;

/**
 * The team's home: its size for every member; for those who manage members, the pending
 * invitations (a count and the ones expiring first) so they can act before they lapse.
 */
export async function readTeamOverview(actor: Actor | null, team: TeamRef) {
  const access = await authorizeTeam(db, actor, team, "members.read");
  if (!access.ok) return access;
  const teamId = access.team.id;
  if (!can(access.role, "members.manage")) {
    return {
      ok: true as const,
      access,
      memberCount: await db.membership.count({ where: { teamId } }),
      invitations: null,
    };
  }
  const now = await readDatabaseNow(db);
  const pending = { teamId, status: "PENDING" as const, expiresAt: { gt: now } };
  const [memberCount, pendingCount, expiring] = await Promise.all([
    db.membership.count({ where: { teamId } }),
    db.invitation.count({ where: pending }),
    db.invitation.findMany({
      where: pending,
      orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
      take: EXPIRING_SHOWN,
      select: { id: true, email: true, expiresAt: true, role: { select: { name: true, rank: true } } },
    }),
  ]);
  return {
    ok: true as const,
    access,
    memberCount,
    invitations: {
      pendingCount,
      expiring: expiring.map((row) => ({ ...row, manageable: canGrantRole(access.role, row.role) })),
    },
  };
}
