import "server-only";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { readRequestLanguage } from "@/lib/i18n/read-request-language";
import { countPendingJoinRequests } from "@/lib/join-requests/count-pending-join-requests";
import { can } from "@/lib/permissions/can";
import { readTeamMembership } from "./authorize-team";

/**
 * Which settings pages this user's role can use in the team; null when they are not a member.
 * `counts`: the settings layout shows pending requests beside their link (the header, which asks
 * for every team, does not need them).
 */
export async function readSettingsNavigation(userId: string, slug: string, options: { counts?: boolean } = {}) {
  const membership = await readTeamMembership(userId, null, slug);
  if (!membership) return null;
  const managesMembers = can(membership.role, "members.manage");
  const [pendingRequests, language] = await Promise.all([
    managesMembers && options.counts ? countPendingJoinRequests(membership.team.id) : 0,
    readRequestLanguage(),
  ]);
  const links: Array<{ href: string; label: string; visible: boolean; count?: number }> = [
    { href: `/teams/${slug}/settings/members`, label: "Members", visible: can(membership.role, "members.read") },
    {
      href: `/teams/${slug}/settings/invitations`,
      label: "Invitations",
      visible: managesMembers,
    },
    {
      href: `/teams/${slug}/settings/requests`,
      label: getCatalogue(language).joinRequests.navLabel,
      visible: managesMembers,
      count: pendingRequests,
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
    { href: `/teams/${slug}/settings/webhooks`, label: "Webhooks", visible: can(membership.role, "team.settings") },
    { href: `/teams/${slug}/settings/activity`, label: "Activity", visible: can(membership.role, "members.manage") },
  ];
  return {
    teamName: membership.team.name,
    links: links.filter((link) => link.visible).map(({ href, label, count }) => ({ href, label, count })),
  };
}
