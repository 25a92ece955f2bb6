import { BUILT_IN_ROLES, type BuiltInRoleKey } from "@/lib/permissions/catalogue";

/**
 * A stored role name in one language's role names. Built-in roles are stored under their English
 * name; a team's own roles keep the name the team gave them.
 */
export function translateRoleName(names: Record<BuiltInRoleKey, string>, storedName: string): string {
  const key = BUILT_IN_ROLES.find((role) => role.name === storedName)?.key;
  return key ? names[key] : storedName;
}
