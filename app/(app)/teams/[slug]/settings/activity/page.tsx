import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cleanTableQuery, withQuery } from "@/components/data-table/clean-table-query";
import { ActivityLog } from "@/components/activity/activity-log";
import { activityQuerySchema } from "@/lib/audit/activity-query";
import { listTeamActivity } from "@/lib/audit/list-team-activity";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { readRequestLanguage } from "@/lib/i18n/read-request-language";
import { requireTeamPage } from "@/lib/teams/require-team-page";

export const metadata: Metadata = { title: "Activity" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ActivityPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const pathname = `/teams/${slug}/settings/activity`;
  const { user, team } = await requireTeamPage(slug, "members.manage", pathname);
  // The URL is the log's state: what cannot be read is dropped from it (a redirect, so Back never lands on it).
  const cleaned = cleanTableQuery(activityQuerySchema.out.shape, await searchParams);
  if (cleaned.changed) redirect(withQuery(pathname, cleaned.params));
  const [result, language] = await Promise.all([
    listTeamActivity({ kind: "user", userId: user.id }, { slug }, Object.fromEntries(cleaned.params)),
    readRequestLanguage(),
  ]);
  if (!result.ok && result.code === "INVALID") {
    // A cursor that is not ours (edited by hand, or from another version): start again at the newest events.
    cleaned.params.delete("after");
    cleaned.params.delete("before");
    redirect(withQuery(pathname, cleaned.params));
  }
  if (!result.ok) notFound();
  const t = getCatalogue(language).teamSettings.activity;

  return (
    <section className="space-y-4" aria-labelledby="activity-heading" lang={language}>
      <div>
        <h2 id="activity-heading" className="text-lg font-semibold">
          {t.title}
        </h2>
        <p className="text-sm text-muted-foreground">{t.description(team.name)}</p>
      </div>
      <ActivityLog
        language={language}
        entries={result.entries}
        people={result.people}
        query={result.query}
        newerCursor={result.newerCursor}
        olderCursor={result.olderCursor}
      />
    </section>
  );
}
