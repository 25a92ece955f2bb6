import { isPermission, type Permission } from "./catalogue";

export type RoleLike = { rank: number; permissions: readonly string[] };

/** The one permission check: does this role hold this permission? */
export function can(role: RoleLike | null | undefined, permission: Permission): boolean {
  return !!role && role.permissions.some((p) => isPermission(p) && p === permission);
}

/** Nobody grants a role above their own. */
export function canGrantRole(granter: RoleLike, role: Pick<RoleLike, "rank">): boolean {
  return can(granter, "members.manage") && role.rank <= granter.rank;
}

/** Changing or removing a member needs a role at least as high as theirs. */
export function canManageMember(manager: RoleLike, memberRole: Pick<RoleLike, "rank">): boolean {
  return can(manager, "members.manage") && memberRole.rank <= manager.rank;
}
