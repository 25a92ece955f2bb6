import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { getCurrentUser } from "@/lib/auth/current-user";
import { countReceivedInvitations } from "@/lib/invitations/count-received-invitations";
import { listUserTeams } from "@/lib/teams/list-user-teams";

// Each page checks access itself (and sends signed-out visitors to sign in with the right
// return path); the layout only adds the header when someone is signed in.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) return children;
  const [teams, pendingInvitations] = await Promise.all([listUserTeams(user.id), countReceivedInvitations(user)]);
  return (
    <>
      <AppHeader user={user} teams={teams} pendingInvitations={pendingInvitations} />
      <div className="mx-auto max-w-7xl px-4 py-6 sm:py-8">{children}</div>
    </>
  );
}
