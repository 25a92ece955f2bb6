import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cleanTableQuery, withQuery } from "@/components/data-table/clean-table-query";
import Link from "next/link";
import { MailPlus } from "lucide-react";
import { InviteUsersLauncher } from "@/components/invitations/invite-users-launcher";
import { MembersTable } from "@/components/members/members-table";
import { Alert } from "@/components/ui/alert";
import { pluralize } from "@/lib/i18n/pluralize";
import { loadInvitationOptions } from "@/lib/invitations/load-invitation-options";
import { listTeamMembers } from "@/lib/members/list-team-members";
import { memberListQuerySchema } from "@/lib/members/member-list-query";
import { can } from "@/lib/permissions/can";
import { readTeamOverview } from "@/lib/teams/read-team-overview";
import { requireTeamPage } from "@/lib/teams/require-team-page";

export const metadata: Metadata = { title: "Members" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function MembersPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const pathname = `/teams/${slug}/settings/members`;
  const { user, ...access } = await requireTeamPage(slug, "members.read", pathname);
  const cleaned = cleanTableQuery(memberListQuerySchema.out.shape, await searchParams);
  if (cleaned.changed) redirect(withQuery(pathname, cleaned.params));
  const result = await listTeamMembers({ kind: "user", userId: user.id }, { slug }, Object.fromEntries(cleaned.params));
  const requestedPage = cleaned.params.get("page");
  if (result.ok && requestedPage !== null && Number(requestedPage) !== result.query.page) {
    if (result.query.page > 1) cleaned.params.set("page", String(result.query.page));
    else cleaned.params.delete("page");
    redirect(withQuery(pathname, cleaned.params));
  }
  if (!result.ok && result.code === "INVALID") {
    return (
      <Alert variant="destructive">{result.error} The link may be outdated; open Members from the menu again.</Alert>
    );
  }
  if (!result.ok) notFound();
  // Admins see the invitations still waiting here too, and can invite from this page.
  const overview = can(access.role, "members.manage")
    ? await readTeamOverview({ kind: "user", userId: user.id }, { slug })
    : null;
  const pending = overview?.ok ? overview.invitations : null;
  const context = pending ? await loadInvitationOptions(access) : null;
  const invitationsHref = `/teams/${slug}/settings/invitations?status=PENDING`;

  return (
    <section className="space-y-4" aria-labelledby="members-heading">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="members-heading" className="text-lg font-semibold">
            Members
          </h2>
          <p className="text-sm text-muted-foreground">
            {result.teamSize.toLocaleString("en")}{" "}
            {pluralize("en", result.teamSize, { one: "person has", other: "people have" })} access to{" "}
            {result.access.team.name}.
          </p>
        </div>
        {context ? <InviteUsersLauncher context={context} /> : null}
      </div>
      {pending ? (
        <Link
          href={invitationsHref}
          className="flex items-center gap-3 rounded-lg border border-dashed px-4 py-3 text-sm hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          <MailPlus aria-hidden className="size-4 shrink-0 text-muted-foreground" />
          <span className="flex-1">
            {pending.pendingCount === 0 ? (
              "No invitations waiting for an answer"
            ) : (
              <>
                <span className="font-medium">
                  {pending.pendingCount.toLocaleString("en")} pending{" "}
                  {pluralize("en", pending.pendingCount, { one: "invitation", other: "invitations" })}
                </span>{" "}
                <span className="text-muted-foreground">waiting for an answer</span>
              </>
            )}
          </span>
          <span className="shrink-0 underline underline-offset-4">See invitations</span>
        </Link>
      ) : null}
      <MembersTable
        members={result.members}
        query={result.query}
        total={result.total}
        pageCount={result.pageCount}
        teamSlug={slug}
        grantableRoles={result.grantableRoles}
      />
    </section>
  );
}
