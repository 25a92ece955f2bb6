import "server-only";
import { can } from "@/lib/permissions/can";
import { readTeamMembership } from "./authorize-team";

/** Which settings pages this user's role can use in the team; null when they are not a member. */
export async function readSettingsNavigation(userId: string, slug: string) {
  const membership = await readTeamMembership(userId, null, slug);
  if (!membership) return null;
  const links = [
    { href: `/teams/${slug}/settings/members`, label: "Members", visible: can(membership.role, "members.read") },
    {
      href: `/teams/${slug}/settings/invitations`,
      label: "Invitations",
      visible: can(membership.role, "members.manage"),
    },
    {
      href: `/teams/${slug}/settings/invite-links`,
      label: "Invite links",
      visible: can(membership.role, "members.manage"),
    },
    {
      href: `/teams/${slug}/settings/roles`,
      label: "Roles & Permissions",
      visible: can(membership.role, "members.read"),
    },
    { href: `/teams/${slug}/settings/domains`, label: "Domains", visible: can(membership.role, "team.settings") },
    { href: `/teams/${slug}/settings/general`, label: "General", visible: can(membership.role, "team.manage") },
    { href: `/teams/${slug}/settings/activity`, label: "Activity", visible: can(membership.role, "members.manage") },
  ];
  return {
    teamName: membership.team.name,
    links: links.filter((link) => link.visible).map(({ href, label }) => ({ href, label })),
  };
}
