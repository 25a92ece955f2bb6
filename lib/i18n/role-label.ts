import type { BuiltInRoleKey } from "@/lib/permissions/catalogue";
import { getCatalogue, type Catalogue } from "./catalogues";
import { translateRoleName } from "./translate-role-name";

/** A stored role name in a language: built-in roles by their English name, a team's own roles as named. */
export function localizeRoleName(language: string, name: string): string {
  return translateRoleName(getCatalogue(language).roles, name);
}

/** Built-in roles read in the page's language; a team's own roles keep the name the team gave them. */
export function roleLabel(t: Pick<Catalogue, "roles">, role: { name: string; key: string; builtIn: boolean }): string {
  return role.builtIn && Object.hasOwn(t.roles, role.key) ? t.roles[role.key as BuiltInRoleKey] : role.name;
}
