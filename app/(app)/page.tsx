import Link from "next/link";
import { ArrowRight, Users } from "lucide-react";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { JoinableTeams } from "@/components/join-requests/joinable-teams";
import { requireCurrentUser } from "@/lib/auth/current-user";
import { readRequestLanguage } from "@/lib/i18n/read-request-language";
import { listJoinableTeams } from "@/lib/join-requests/list-joinable-teams";
import { listUserTeams } from "@/lib/teams/list-user-teams";

export default async function HomePage() {
  const user = await requireCurrentUser("/");
  const [teams, joinable, language] = await Promise.all([
    listUserTeams(user.id),
    listJoinableTeams(user.id),
    readRequestLanguage(),
  ]);

  return (
    <div className="space-y-6">
      <PageHeader title={`Welcome, ${user.name}`} description="Your teams" />
      {teams.length === 0 ? (
        <EmptyState
          icon={<Users aria-hidden className="size-8" />}
          title="You are not in a team yet"
          description="When someone invites you, the invitation appears under Your invitations (the inbox at the top right)."
        />
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {teams.map((team) => (
            <li key={team.slug}>
              <Card className="p-0">
                <Link
                  href={`/teams/${team.slug}`}
                  className="flex items-center justify-between gap-3 rounded-lg p-4 hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                >
                  <span>
                    <span className="block font-medium">{team.name}</span>
                    <span className="block text-sm text-muted-foreground">{team.roleName}</span>
                  </span>
                  <ArrowRight aria-hidden className="size-4 text-muted-foreground" />
                </Link>
              </Card>
            </li>
          ))}
        </ul>
      )}
      {joinable.teams.length > 0 ? <JoinableTeams teams={joinable.teams} language={language} /> : null}
    </div>
  );
}
