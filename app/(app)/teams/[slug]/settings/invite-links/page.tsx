import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CreateInviteLinkDialog } from "@/components/invite-links/create-invite-link-dialog";
import { InviteLinksManager } from "@/components/invite-links/invite-links-manager";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { readRequestLanguage } from "@/lib/i18n/read-request-language";
import { listInviteLinks } from "@/lib/invite-links/list-invite-links";
import { requireTeamPage } from "@/lib/teams/require-team-page";

export const metadata: Metadata = { title: "Invite links" };

export default async function InviteLinksPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user } = await requireTeamPage(slug, "members.manage", `/teams/${slug}/settings/invite-links`);
  const [result, language] = await Promise.all([
    listInviteLinks({ kind: "user", userId: user.id }, { slug }),
    readRequestLanguage(),
  ]);
  if (!result.ok) notFound();
  const t = getCatalogue(language).inviteLinks.settings;
  return (
    <section className="space-y-4" aria-labelledby="invite-links-heading" lang={language}>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h2 id="invite-links-heading" className="text-lg font-semibold">
            {t.title}
          </h2>
          <p className="text-sm text-muted-foreground">{t.description(result.team.name)}</p>
        </div>
        <CreateInviteLinkDialog teamSlug={slug} language={language} roles={result.grantableRoles} />
      </div>
      {result.grantableRoles.length === 0 ? <p className="text-sm text-muted-foreground">{t.noGrantableRole}</p> : null}
      <InviteLinksManager teamSlug={slug} language={language} links={result.links} />
    </section>
  );
}
