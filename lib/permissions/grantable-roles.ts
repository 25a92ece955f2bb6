import { canGrantRole, type RoleLike } from "./can";

/** The roles a viewer may grant (invite with, change a member to), highest first; none without members.manage. */
export function grantableRoles<R extends Pick<RoleLike, "rank">>(viewer: RoleLike, roles: readonly R[]): R[] {
  return roles.filter((role) => canGrantRole(viewer, role)).sort((a, b) => b.rank - a.rank);
}
