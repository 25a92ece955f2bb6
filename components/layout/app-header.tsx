import Link from "next/link";
import { TeamSwitcher } from "./team-switcher";
import { UserMenu } from "./user-menu";

type Props = {
  user: { name: string; email: string };
  teams: Array<{ name: string; slug: string }>;
  pendingInvitations: number;
};

export function AppHeader({ user, teams, pendingInvitations }: Props) {
  return (
    <header className="sticky top-0 z-30 border-b bg-background/90 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4">
        <Link href="/" className="font-semibold tracking-tight">
          Teamgate
        </Link>
        <span aria-hidden className="text-muted-foreground">/</span>
        <TeamSwitcher teams={teams} />
        <nav aria-label="Account" className="ml-auto flex items-center gap-2">
          <Link
            href="/invitations"
            className="relative rounded-md px-2 py-1 text-sm text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          >
            Invitations
            {pendingInvitations > 0 ? (
              <>
                {" "}
                <span className="inline-flex min-w-5 items-center justify-center rounded-full bg-primary px-1.5 text-xs font-medium text-primary-foreground">
                  {pendingInvitations}
                  <span className="sr-only"> pending</span>
                </span>
              </>
            ) : null}
          </Link>
          <UserMenu name={user.name} email={user.email} />
        </nav>
      </div>
    </header>
  );
}
