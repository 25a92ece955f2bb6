"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { useEffect } from "react";
import { Inbox, Settings } from "lucide-react";
import type { HeaderTeam } from "@/lib/teams/list-header-teams";
import { cn } from "@/lib/utils/cn";
import { LAST_TEAM_COOKIE, pickCurrentTeam } from "./last-team";
import { TeamSwitcher } from "./team-switcher";
import { UserMenu } from "./user-menu";

type Props = {
  user: { name: string; email: string };
  teams: HeaderTeam[];
  /** The team remembered from the last visit (a cookie), for pages outside a team. */
  lastTeamSlug?: string;
  pendingInvitations: number;
};

const iconLink =
  "relative inline-flex h-9 shrink-0 items-center justify-center gap-1.5 rounded-md px-2 text-sm text-muted-foreground hover:bg-accent hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

export function AppHeader({ user, teams, lastTeamSlug, pendingInvitations }: Props) {
  const params = useParams<{ slug?: string }>();
  const inTeam = teams.some((team) => team.slug === params.slug);
  const current = pickCurrentTeam(teams, params.slug, lastTeamSlug);
  useEffect(() => {
    if (inTeam)
      document.cookie = `${LAST_TEAM_COOKIE}=${encodeURIComponent(params.slug!)}; path=/; max-age=31536000; samesite=lax`;
  }, [inTeam, params.slug]);

  const inboxLabel = pendingInvitations > 0 ? `Your invitations: ${pendingInvitations} pending` : "Your invitations";
  return (
    <header className="sticky top-0 z-30 border-b bg-background/90 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-1 px-2 sm:gap-3 sm:px-4">
        <Link
          href="/"
          className="shrink-0 rounded-md px-1 font-semibold tracking-tight focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          aria-label="Teamgate home"
        >
          <svg aria-hidden viewBox="0 0 32 32" className="size-6 sm:hidden">
            <rect width="32" height="32" rx="7" className="fill-foreground" />
            <path d="M9 10h14M16 10v13" className="stroke-background" strokeWidth="3.2" strokeLinecap="round" />
          </svg>
          <span className="hidden sm:inline">Teamgate</span>
        </Link>
        <span aria-hidden className="hidden text-muted-foreground sm:inline">
          /
        </span>
        <TeamSwitcher teams={teams} current={current} />
        <nav aria-label="Account" className="ml-auto flex shrink-0 items-center gap-1">
          {current?.settingsHref ? (
            <Link
              href={current.settingsHref}
              className={iconLink}
              aria-label={`Settings for ${current.name}`}
              title={`Settings for ${current.name}`}
            >
              <Settings aria-hidden className="size-4" />
              <span className="hidden sm:inline">Settings</span>
            </Link>
          ) : null}
          <Link href="/invitations" className={iconLink} aria-label={inboxLabel} title={inboxLabel}>
            <Inbox aria-hidden className="size-5" />
            {pendingInvitations > 0 ? (
              <span
                aria-hidden
                className={cn(
                  "absolute -right-0.5 -top-0.5 inline-flex h-4 min-w-4 items-center justify-center rounded-full bg-primary px-1 text-[0.65rem] font-semibold leading-none text-primary-foreground",
                )}
              >
                {pendingInvitations > 99 ? "99+" : pendingInvitations}
              </span>
            ) : null}
          </Link>
          <UserMenu name={user.name} email={user.email} />
        </nav>
      </div>
    </header>
  );
}
