/** The cookie that remembers the team last opened, so pages outside a team still know "your team". */
export const LAST_TEAM_COOKIE = "teamgate-last-team";

/** The team the header shows: the one in the URL, else the one last opened, else the only one. */
export function pickCurrentTeam<T extends { slug: string }>(
  teams: T[],
  routeSlug: string | undefined,
  lastSlug: string | undefined,
): T | null {
  return (
    teams.find((team) => team.slug === routeSlug) ??
    teams.find((team) => team.slug === lastSlug) ??
    (teams.length === 1 ? teams[0]! : null)
  );
}
