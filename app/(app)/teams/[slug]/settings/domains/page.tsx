import type { Metadata } from "next";
import { JoinPolicyForm } from "@/components/join-requests/join-policy-form";
import { DomainsForm } from "@/components/members/domains-form";
import { readRequestLanguage } from "@/lib/i18n/read-request-language";
import { readJoinPolicy } from "@/lib/teams/read-join-policy";
import { requireTeamPage } from "@/lib/teams/require-team-page";

export const metadata: Metadata = { title: "Domains" };

export default async function DomainsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { team } = await requireTeamPage(slug, "team.settings", `/teams/${slug}/settings/domains`);
  const [joinPolicy, language] = await Promise.all([readJoinPolicy(team.id), readRequestLanguage()]);
  return (
    <div className="space-y-8">
      <section className="space-y-4" aria-labelledby="domains-heading">
        <div>
          <h2 id="domains-heading" className="text-lg font-semibold">
            Allowed email domains
          </h2>
          <p className="text-sm text-muted-foreground">
            Invitations to {team.name} can only go to addresses on these domains.
          </p>
        </div>
        <DomainsForm teamSlug={slug} domains={team.allowedDomains} canEdit />
      </section>
      <JoinPolicyForm
        teamSlug={slug}
        language={language}
        policy={joinPolicy}
        hasDomains={team.allowedDomains.length > 0}
      />
    </div>
  );
}
