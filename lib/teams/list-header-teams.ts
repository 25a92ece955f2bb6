import "server-only";
import { listUserTeams } from "./list-user-teams";
import { readSettingsNavigation } from "./read-settings-navigation";

export type HeaderTeam = { name: string; slug: string; roleName: string; settingsHref: string | null };

/**
 * The signed-in user's teams for the header, each with the first settings page their role can
 * open there (null when none), decided by the same server-side rule as the settings navigation.
 */
export async function listHeaderTeams(userId: string): Promise<HeaderTeam[]> {
  const teams = await listUserTeams(userId);
  return Promise.all(
    teams.map(async (team) => {
      const navigation = await readSettingsNavigation(userId, team.slug);
      return {
        name: team.name,
        slug: team.slug,
        roleName: team.roleName,
        settingsHref: navigation?.links[0]?.href ?? null,
      };
    }),
  );
}
