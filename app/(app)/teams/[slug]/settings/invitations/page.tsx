import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { cleanTableQuery, withQuery } from "@/components/data-table/clean-table-query";
import { InvitationsTable } from "@/components/invitations/invitations-table";
import { RecentImports } from "@/components/invitations/recent-imports";
import { Alert } from "@/components/ui/alert";
import { readRequestLanguage } from "@/lib/i18n/read-request-language";
import { countInvitationsByStatus } from "@/lib/invitations/count-invitations-by-status";
import { listRecentInvitationImports } from "@/lib/invitations/list-recent-invitation-imports";
import { listTeamInvitationsByOffset } from "@/lib/invitations/list-team-invitations-by-offset";
import { loadInvitationOptions } from "@/lib/invitations/load-invitation-options";
import { invitationListQuerySchema } from "@/lib/invitations/schemas";
import { requireTeamPage } from "@/lib/teams/require-team-page";

export const metadata: Metadata = { title: "Invitations" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function InvitationsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const pathname = `/teams/${slug}/settings/invitations`;
  const { user, ...access } = await requireTeamPage(slug, "members.manage", pathname);
  // The URL is the table's state: what cannot be read is dropped from it, and a page past the
  // end becomes the last page, in the address bar too (a redirect, so Back never lands on it).
  const cleaned = cleanTableQuery(invitationListQuerySchema.shape, await searchParams);
  if (cleaned.changed) redirect(withQuery(pathname, cleaned.params));
  const actor = { kind: "user" as const, userId: user.id };
  const [result, context, counts, language, imports] = await Promise.all([
    listTeamInvitationsByOffset(actor, { slug }, Object.fromEntries(cleaned.params)),
    loadInvitationOptions(access),
    countInvitationsByStatus(actor, { slug }),
    readRequestLanguage(),
    listRecentInvitationImports(actor, { slug }),
  ]);
  const requestedPage = cleaned.params.get("page");
  if (result.ok && requestedPage !== null && Number(requestedPage) !== result.query.page) {
    if (result.query.page > 1) cleaned.params.set("page", String(result.query.page));
    else cleaned.params.delete("page");
    redirect(withQuery(pathname, cleaned.params));
  }

  return (
    <section className="space-y-4" aria-labelledby="invitations-heading">
      <div>
        <h2 id="invitations-heading" className="text-lg font-semibold">
          Invitations
        </h2>
        <p className="text-sm text-muted-foreground">
          Invite people to {access.team.name} and follow every invitation until it is answered.
        </p>
      </div>
      {imports.ok ? <RecentImports teamSlug={slug} imports={imports.imports} language={language} /> : null}
      {result.ok && counts.ok ? (
        <InvitationsTable
          invitations={result.invitations}
          total={result.total}
          totalIsCapped={result.totalIsCapped}
          teamHasInvitations={result.teamHasInvitations}
          pageCount={result.pageCount}
          query={result.query}
          context={context}
          statusCounts={counts.counts}
          language={language}
        />
      ) : (
        <Alert variant="destructive">
          {!result.ok ? result.error : !counts.ok ? counts.error : null} The link may be outdated; reset the filters and
          try again.
        </Alert>
      )}
    </section>
  );
}
