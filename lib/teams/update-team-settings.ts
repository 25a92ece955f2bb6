import "server-only";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { runTransaction } from "@/lib/db/run-transaction";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Catalogue } from "@/lib/i18n/catalogues";
import { lockTeamSeats, lowestSeatLimit } from "@/lib/members/lock-team-seats";
import { fail } from "@/lib/result";
import { zodFailure } from "@/lib/validation/zod-failure";
import { authorizeTeam, type TeamRef } from "./authorize-team";
import type { TeamSettingsDto } from "./read-team-settings";
import { TEAM_CHECKBOX_FIELDS } from "./team-setting-fields";
import { teamSettingsSchema } from "./team-settings-schema";

type Change = { from: Prisma.InputJsonValue | null; to: Prisma.InputJsonValue | null };

/**
 * The General page's write (team.manage: owners). Under the team's seat lock, so the floor it
 * checks cannot move while it writes: a new seat limit may not be below the seats in use
 * (members plus pending invitations, `lockTeamSeats`). Records what changed, from and to, in
 * one audit row; a save that changes nothing writes nothing. The input is parsed here, once, with
 * messages in the viewer's language.
 */
export async function updateTeamSettings(
  actor: Actor | null,
  team: TeamRef,
  rawInput: unknown,
  messages: Catalogue["teamSettings"]["general"],
) {
  const access = await authorizeTeam(db, actor, team, "team.manage");
  if (!access.ok) return access.code === "FORBIDDEN" ? fail("FORBIDDEN", messages.errors.forbidden) : access;
  const parsed = teamSettingsSchema(messages.errors).safeParse(rawInput);
  if (!parsed.success) return zodFailure(parsed.error);
  const input = parsed.data;
  const teamId = access.team.id;
  const checkboxSelect = Object.fromEntries(TEAM_CHECKBOX_FIELDS.map((field) => [field.key, true]));

  return runTransaction(async (tx) => {
    const seats = await lockTeamSeats(tx, teamId, { countUnlimited: input.seatLimit !== null });
    const current = await tx.team.findUniqueOrThrow({
      where: { id: teamId },
      select: { name: true, invitationLifetimeDays: true, seatLimit: true, ...checkboxSelect },
    });
    const floor = lowestSeatLimit(seats);
    if (input.seatLimit !== null && input.seatLimit !== current.seatLimit && input.seatLimit < floor) {
      const error = messages.errors.seatLimitBelowUsed(floor);
      return fail("CONFLICT", error, { fieldErrors: { seatLimit: [error] } });
    }

    const next: Record<string, string | number | boolean | null> = {
      name: input.name,
      invitationLifetimeDays: input.invitationLifetimeDays,
      seatLimit: input.seatLimit,
      ...input.checkboxes,
    };
    const changes: Record<string, Change> = {};
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined) continue;
      const before = (current as Record<string, string | number | boolean | null>)[key] ?? null;
      if (before !== value) changes[key] = { from: before, to: value };
    }
    const changed = Object.keys(changes);
    if (changed.length > 0) {
      await tx.team.update({ where: { id: teamId }, data: Object.fromEntries(changed.map((key) => [key, next[key]])) });
      await recordAuditEvents(tx, [
        {
          teamId,
          actorId: access.membership.userId,
          action: "team.settings_changed",
          targetType: "team",
          targetId: teamId,
          metadata: { changes },
        },
      ]);
    }
    const settings: TeamSettingsDto = {
      name: input.name,
      invitationLifetimeDays: input.invitationLifetimeDays,
      seatLimit: input.seatLimit,
      checkboxes: Object.fromEntries(
        TEAM_CHECKBOX_FIELDS.map((field) => [
          field.key,
          (next[field.key] ?? (current as Record<string, unknown>)[field.key]) === true,
        ]),
      ),
    };
    return { ok: true as const, changed, settings };
  });
}
