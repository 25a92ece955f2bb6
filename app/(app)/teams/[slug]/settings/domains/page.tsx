import type { Metadata } from "next";
import { DomainsForm } from "@/components/members/domains-form";
import { requireTeamPage } from "@/lib/teams/require-team-page";

export const metadata: Metadata = { title: "Domains" };

export default async function DomainsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { team } = await requireTeamPage(slug, "team.settings", `/teams/${slug}/settings/domains`);
  return (
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
  );
}
