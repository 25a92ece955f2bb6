/** Every permission Teamgate knows. Roles are sets of these. */
export const PERMISSIONS = [
  "members.read",
  "members.manage",
  "team.settings",
  "team.manage",
  "team.delete",
  "owners.manage",
  "api.access",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_DESCRIPTIONS: Record<Permission, string> = {
  "members.read": "See the team's members and roles",
  "members.manage": "Invite, remove and change the role of members; manage invitations",
  "team.settings": "Change the team's settings, such as allowed email domains",
  "team.manage": "Change the team's name, how long invitations last and its seat limit (the General page)",
  "team.delete": "Delete the team",
  "owners.manage": "Add and remove owners",
  "api.access": "Use the REST API with personal API keys",
};

export type BuiltInRoleKey = "owner" | "admin" | "member";

export type RoleDefinition = {
  key: BuiltInRoleKey;
  name: string;
  rank: number;
  permissions: readonly Permission[];
};

export const BUILT_IN_ROLES: readonly RoleDefinition[] = [
  { key: "owner", name: "Owner", rank: 300, permissions: PERMISSIONS },
  {
    key: "admin",
    name: "Admin",
    rank: 200,
    permissions: PERMISSIONS.filter((p) => p !== "team.delete" && p !== "owners.manage" && p !== "team.manage"),
  },
  { key: "member", name: "Member", rank: 100, permissions: ["members.read"] },
];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
