import Link from "next/link";
import { notFound } from "next/navigation";
import { PartyPopper, ShieldCheck, Users } from "lucide-react";
import { InviteUsersLauncher } from "@/components/invitations/invite-users-launcher";
import { SuggestMemberForm } from "@/components/join-requests/suggest-member-form";
import { PendingInvitationsCard } from "@/components/team-home/pending-invitations-card";
import { Alert } from "@/components/ui/alert";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { withIndefiniteArticle } from "@/lib/i18n/with-indefinite-article";
import { pluralize } from "@/lib/i18n/pluralize";
import { readRequestLanguage } from "@/lib/i18n/read-request-language";
import { loadInvitationOptions } from "@/lib/invitations/load-invitation-options";
import { can } from "@/lib/permissions/can";
import { readTeamOverview } from "@/lib/teams/read-team-overview";
import { requireTeamPage } from "@/lib/teams/require-team-page";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function TeamPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { joined } = await searchParams;
  const { user, ...access } = await requireTeamPage(slug, "members.read", `/teams/${slug}`);
  const overview = await readTeamOverview({ kind: "user", userId: user.id }, { slug });
  if (!overview.ok) notFound();
  const { team, role } = access;
  const context = overview.invitations ? await loadInvitationOptions(access) : null;
  const asRole = withIndefiniteArticle(role.name);
  return (
    <div className="space-y-6">
      {joined === "new" ? (
        <Alert variant="success">
          <PartyPopper aria-hidden className="inline size-4" /> Welcome to {team.name}! You joined as {asRole}.
        </Alert>
      ) : joined === "already" ? (
        <Alert>You were already a member of {team.name}, so nothing changed.</Alert>
      ) : null}
      <PageHeader title={team.name} description={`You are ${asRole} of this team.`} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Card className="flex items-start gap-3">
          <ShieldCheck aria-hidden className="mt-0.5 size-5 shrink-0 text-muted-foreground" />
          <div className="space-y-1">
            <CardTitle>Your role: {role.name}</CardTitle>
            <CardDescription>
              <Link href={`/teams/${team.slug}/settings/roles`} className="underline underline-offset-4">
                What each role can do
              </Link>
            </CardDescription>
          </div>
        </Card>
        <Card className="flex items-start gap-3">
          <Users aria-hidden className="mt-0.5 size-5 shrink-0 text-muted-foreground" />
          <div className="space-y-1">
            <CardTitle>
              {overview.memberCount.toLocaleString("en")}{" "}
              {pluralize("en", overview.memberCount, { one: "member", other: "members" })}
            </CardTitle>
            <CardDescription>
              <Link href={`/teams/${team.slug}/settings/members`} className="underline underline-offset-4">
                See who is in {team.name}
              </Link>
            </CardDescription>
          </div>
        </Card>
      </div>
      {overview.invitations && context ? (
        <PendingInvitationsCard
          teamSlug={team.slug}
          pendingCount={overview.invitations.pendingCount}
          expiring={overview.invitations.expiring}
          inviteButton={<InviteUsersLauncher context={context} />}
        />
      ) : null}
      {can(role, "members.manage") ? null : (
        <SuggestMemberForm teamSlug={team.slug} teamName={team.name} language={await readRequestLanguage()} />
      )}
    </div>
  );
}
