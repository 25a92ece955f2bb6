"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { askToJoinAction } from "@/actions/join-requests/ask-to-join-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getCatalogue } from "@/lib/i18n/catalogues";
import type { JoinableTeamDto } from "@/lib/join-requests/join-request-dto";

/** "Teams you can join" on the home page: Join (auto-join) or Ask to join (an admin approves). */
export function JoinableTeams({ teams, language }: { teams: JoinableTeamDto[]; language: string }) {
  const t = getCatalogue(language).joinRequests.discover;
  return (
    <section className="space-y-3" aria-labelledby="joinable-teams-heading">
      <div>
        <h2 id="joinable-teams-heading" className="text-lg font-semibold">
          {t.title}
        </h2>
        <p className="text-sm text-muted-foreground">{t.description}</p>
      </div>
      <ul className="grid gap-3 sm:grid-cols-2">
        {teams.map((team) => (
          <JoinableTeam key={team.slug} team={team} language={language} />
        ))}
      </ul>
    </section>
  );
}

function JoinableTeam({ team, language }: { team: JoinableTeamDto; language: string }) {
  const t = getCatalogue(language).joinRequests.discover;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const autoJoin = team.policy === "AUTO_JOIN";
  return (
    <li>
      <Card className="flex flex-wrap items-center justify-between gap-3">
        <span className="min-w-0">
          <span className="block break-words font-medium">{team.name}</span>
          <span className="block text-sm text-muted-foreground">{autoJoin ? t.atOnce : t.byRequest}</span>
        </span>
        {team.requested ? (
          <Badge variant="muted">{t.requested}</Badge>
        ) : (
          <Button
            size="sm"
            variant={autoJoin ? "default" : "outline"}
            pending={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await askToJoinAction({ teamSlug: team.slug });
                if (!result.ok) {
                  toast.error(result.error);
                  return;
                }
                if (result.outcome === "joined") {
                  toast.success(t.joined(result.team.name));
                  router.push(`/teams/${result.team.slug}`);
                } else toast.success(t.asked(result.team.name));
              })
            }
          >
            {autoJoin ? t.join : t.ask}
          </Button>
        )}
      </Card>
    </li>
  );
}
