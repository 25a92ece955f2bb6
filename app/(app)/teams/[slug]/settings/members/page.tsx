import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MembersTable } from "@/components/members/members-table";
import { listTeamMembers } from "@/lib/members/list-team-members";
import { can } from "@/lib/permissions/can";
import { requireTeamPage } from "@/lib/teams/require-team-page";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user } = await requireTeamPage(slug, "members.read", `/teams/${slug}/settings/members`);
  const result = await listTeamMembers({ kind: "user", userId: user.id }, { slug });
  if (!result.ok) notFound();

  return (
    <section className="space-y-4" aria-labelledby="members-heading">
      <div>
        <h2 id="members-heading" className="text-lg font-semibold">Members</h2>
        <p className="text-sm text-muted-foreground">
          {result.members.length} {result.members.length === 1 ? "person has" : "people have"} access to {result.access.team.name}.
        </p>
      </div>
      <MembersTable
        members={result.members}
        teamSlug={slug}
        viewerRank={result.access.role.rank}
        grantableRoles={can(result.access.role, "members.manage") ? result.roles.filter((role) => role.rank <= result.access.role.rank) : []}
      />
    </section>
  );
}
