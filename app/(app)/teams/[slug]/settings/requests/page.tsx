import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { JoinRequestList } from "@/components/join-requests/join-request-list";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { readRequestLanguage } from "@/lib/i18n/read-request-language";
import { listJoinRequests } from "@/lib/join-requests/list-join-requests";
import { requireTeamPage } from "@/lib/teams/require-team-page";

export const metadata: Metadata = { title: "Requests" };

export default async function JoinRequestsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user } = await requireTeamPage(slug, "members.manage", `/teams/${slug}/settings/requests`);
  const [result, language] = await Promise.all([
    listJoinRequests({ kind: "user", userId: user.id }, { slug }),
    readRequestLanguage(),
  ]);
  if (!result.ok) notFound();
  const t = getCatalogue(language).joinRequests.page;
  return (
    <section className="space-y-4" aria-labelledby="requests-heading">
      <div>
        <h2 id="requests-heading" className="text-lg font-semibold">
          {t.title}
        </h2>
        <p className="text-sm text-muted-foreground">{t.description(result.team.name)}</p>
        {result.requests.length > 0 ? (
          <p className="mt-1 text-sm font-medium" data-testid="requests-count">
            {t.count(result.requests.length)}
          </p>
        ) : null}
      </div>
      <JoinRequestList teamSlug={slug} language={language} requests={result.requests} />
    </section>
  );
}
