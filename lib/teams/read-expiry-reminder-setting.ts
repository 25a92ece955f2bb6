import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { authorizeTeam, type TeamRef } from "./authorize-team";

/**
 * The team's "remind invitees before expiry" setting (on by default): one email two days before
 * an invitation expires. For the team's settings page; changing it needs team.settings like the
 * other team settings.
 */
export async function readExpiryReminderSetting(actor: Actor | null, team: TeamRef) {
  const access = await authorizeTeam(db, actor, team, "team.settings");
  if (!access.ok) return access;
  const row = await db.team.findUniqueOrThrow({ where: { id: access.team.id }, select: { remindBeforeExpiry: true } });
  return { ok: true as const, remindBeforeExpiry: row.remindBeforeExpiry };
}
