import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { LAST_TEAM_COOKIE } from "@/components/layout/last-team";
import { getCurrentUser } from "@/lib/auth/current-user";
import { countReceivedInvitations } from "@/lib/invitations/count-received-invitations";
import { listHeaderTeams } from "@/lib/teams/list-header-teams";

// Each page checks access itself (and sends signed-out visitors to sign in with the right
// return path); the layout only adds the header when someone is signed in.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) return children;
  const [teams, pendingInvitations, cookieStore] = await Promise.all([
    listHeaderTeams(user.id),
    countReceivedInvitations(user),
    cookies(),
  ]);
  return (
    <>
      <AppHeader
        user={user}
        teams={teams}
        lastTeamSlug={cookieStore.get(LAST_TEAM_COOKIE)?.value}
        pendingInvitations={pendingInvitations}
      />
      <div className="mx-auto max-w-7xl px-4 py-6 sm:py-8">{children}</div>
    </>
  );
}
