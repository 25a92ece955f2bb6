import { en, type TeamSettingsMessages } from "./en";
import { fr } from "./fr";

const catalogues: Record<string, TeamSettingsMessages> = { en, fr };

/** The languages the team's settings pages speak; the viewer's browser picks among them. */
export const TEAM_SETTINGS_LANGUAGES = Object.keys(catalogues);

export function getTeamSettingsMessages(language: string): TeamSettingsMessages {
  return catalogues[language] ?? en;
}

export type { TeamSettingsMessages };
