import type { BuiltInRoleKey } from "@/lib/permissions/catalogue";

/** The one list of the built-in roles' names per language: the invitation page and the email both read it. */
export const ROLE_NAMES: Record<"en" | "fr", Record<BuiltInRoleKey, string>> = {
  en: { owner: "Owner", admin: "Admin", member: "Member" },
  fr: { owner: "Propriétaire", admin: "Administrateur", member: "Membre" },
};

/**
 * A role's name in a language. Built-in roles are stored under their English name; a team's own
 * roles keep the name the team gave them.
 */
export function localizeRoleName(language: string, name: string): string {
  const names = ROLE_NAMES[language as keyof typeof ROLE_NAMES];
  const key = (Object.keys(ROLE_NAMES.en) as BuiltInRoleKey[]).find((k) => ROLE_NAMES.en[k] === name);
  return names && key ? names[key] : name;
}
