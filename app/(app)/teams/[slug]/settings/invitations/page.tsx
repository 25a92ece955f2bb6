import type { Metadata } from "next";
import { InvitationsTable } from "@/components/invitations/invitations-table";
import { Alert } from "@/components/ui/alert";
import { listTeamInvitations } from "@/lib/invitations/list-team-invitations";
import { loadInvitationTableContext } from "@/lib/invitations/load-invitation-table-context";
import { requireTeamPage } from "@/lib/teams/require-team-page";

export const metadata: Metadata = { title: "Invitations" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InvitationsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { user, ...access } = await requireTeamPage(slug, "members.manage", `/teams/${slug}/settings/invitations`);
  const actor = { kind: "user" as const, userId: user.id };
  const [result, context] = await Promise.all([listTeamInvitations(actor, { slug }, await searchParams), loadInvitationTableContext(access)]);

  return (
    <section className="space-y-4" aria-labelledby="invitations-heading">
      <div>
        <h2 id="invitations-heading" className="text-lg font-semibold">
          Invitations
        </h2>
        <p className="text-sm text-muted-foreground">Invite people to {access.team.name} and follow every invitation until it is answered.</p>
      </div>
      {result.ok ? (
        <InvitationsTable
          invitations={result.invitations}
          total={result.total}
          totalIsCapped={result.totalIsCapped}
          teamHasInvitations={result.teamHasInvitations}
          pageCount={result.pageCount}
          query={result.query}
          context={context}
        />
      ) : (
        <Alert variant="destructive">{result.error} The link may be outdated; reset the filters and try again.</Alert>
      )}
    </section>
  );
}
