import type { Team } from "@/lib/generated/prisma/client";

/** Columns of Team that hold a boolean: the only ones a checkbox on the General page can write. */
export type BooleanTeamColumn = { [K in keyof Team]-?: Team[K] extends boolean ? K : never }[keyof Team];

export type TeamCheckboxField = {
  key: BooleanTeamColumn;
  label: { en: string; fr: string };
  hint: { en: string; fr: string };
};

/**
 * ─── MERGER: boolean team settings ─────────────────────────────────────────────────────────
 * Each boolean setting on the General page is ONE line here, and nothing else: the form draws a
 * checkbox per line (under "Notifications"), the action's schema accepts it, the data layer
 * reads and writes the column and records it in the audit row. The column must exist on Team
 * in prisma/schema.prisma (its own branch's migration adds it); owners (team.manage) change it.
 * Once `remindBeforeExpiry` and `notifyAdminsOnAnswer` exist, uncomment their lines.
 * ───────────────────────────────────────────────────────────────────────────────────────────
 */
export const TEAM_CHECKBOX_FIELDS: readonly TeamCheckboxField[] = [
  {
    key: "remindBeforeExpiry",
    label: {
      en: "Remind invitees before their invitation expires",
      fr: "Rappeler aux personnes invitées que leur invitation va expirer",
    },
    hint: {
      en: "One email two days before expiry, to invitations still pending.",
      fr: "Un e-mail deux jours avant l'expiration, aux invitations toujours en attente.",
    },
  },
  {
    key: "notifyAdminsOnAnswer",
    label: {
      en: "Tell all admins when an invitation is answered",
      fr: "Prévenir tous les administrateurs quand une invitation reçoit une réponse",
    },
    hint: {
      en: "The inviter is always told; this adds every admin and owner.",
      fr: "La personne qui a invité est toujours prévenue ; ceci ajoute chaque administrateur et propriétaire.",
    },
  },
];
