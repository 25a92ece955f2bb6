import type { InvitePageMessages } from "./en";

/** Built-in roles read in the page's language; a team's own roles keep the name the team gave them. */
export function roleLabel(t: InvitePageMessages, role: { name: string; key: string; builtIn: boolean }): string {
  return (role.builtIn ? t.builtInRoles[role.key] : undefined) ?? role.name;
}
