import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { countTeamSeats } from "@/lib/members/count-team-seats";
import { authorizeTeam, type TeamRef } from "./authorize-team";
import { TEAM_CHECKBOX_FIELDS, type BooleanTeamColumn } from "./team-setting-fields";

export type TeamSettingsDto = {
  name: string;
  invitationLifetimeDays: number;
  seatLimit: number | null;
  checkboxes: Partial<Record<BooleanTeamColumn, boolean>>;
};

/** The General page's settings and the seats in use (team.manage). */
export async function readTeamSettings(actor: Actor | null, team: TeamRef) {
  const access = await authorizeTeam(db, actor, team, "team.manage");
  if (!access.ok) return access;
  const checkboxSelect = Object.fromEntries(TEAM_CHECKBOX_FIELDS.map((field) => [field.key, true]));
  const [row, seats] = await Promise.all([
    db.team.findUniqueOrThrow({
      where: { id: access.team.id },
      select: { name: true, invitationLifetimeDays: true, seatLimit: true, ...checkboxSelect },
    }),
    countTeamSeats(db, access.team.id),
  ]);
  const settings: TeamSettingsDto = {
    name: row.name,
    invitationLifetimeDays: row.invitationLifetimeDays,
    seatLimit: row.seatLimit,
    checkboxes: Object.fromEntries(
      TEAM_CHECKBOX_FIELDS.map((field) => [field.key, (row as Record<string, unknown>)[field.key] === true]),
    ),
  };
  return { ok: true as const, access, settings, seats };
}
