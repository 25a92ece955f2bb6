import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cleanTableQuery, withQuery } from "@/components/data-table/clean-table-query";
import { MembersTable } from "@/components/members/members-table";
import { Alert } from "@/components/ui/alert";
import { listTeamMembers } from "@/lib/members/list-team-members";
import { memberListQuerySchema } from "@/lib/members/member-list-query";
import { can } from "@/lib/permissions/can";
import { requireTeamPage } from "@/lib/teams/require-team-page";

export const metadata: Metadata = { title: "Members" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MembersPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const pathname = `/teams/${slug}/settings/members`;
  const { user } = await requireTeamPage(slug, "members.read", pathname);
  const cleaned = cleanTableQuery(memberListQuerySchema.shape, await searchParams);
  if (cleaned.changed) redirect(withQuery(pathname, cleaned.params));
  const result = await listTeamMembers({ kind: "user", userId: user.id }, { slug }, Object.fromEntries(cleaned.params));
  const requestedPage = cleaned.params.get("page");
  if (result.ok && requestedPage !== null && Number(requestedPage) !== result.query.page) {
    if (result.query.page > 1) cleaned.params.set("page", String(result.query.page));
    else cleaned.params.delete("page");
    redirect(withQuery(pathname, cleaned.params));
  }
  if (!result.ok && result.code === "INVALID") {
    return <Alert variant="destructive">{result.error} The link may be outdated; open Members from the menu again.</Alert>;
  }
  if (!result.ok) notFound();

  return (
    <section className="space-y-4" aria-labelledby="members-heading">
      <div>
        <h2 id="members-heading" className="text-lg font-semibold">Members</h2>
        <p className="text-sm text-muted-foreground">
          {result.teamSize.toLocaleString("en")} {result.teamSize === 1 ? "person has" : "people have"} access to {result.access.team.name}.
        </p>
      </div>
      <MembersTable
        members={result.members}
        query={result.query}
        total={result.total}
        pageCount={result.pageCount}
        teamSlug={slug}
        viewerRank={result.access.role.rank}
        grantableRoles={can(result.access.role, "members.manage") ? result.roles.filter((role) => role.rank <= result.access.role.rank) : []}
      />
    </section>
  );
}
