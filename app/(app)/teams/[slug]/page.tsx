import Link from "next/link";
import { PartyPopper, Settings } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireTeamPage } from "@/lib/teams/require-team-page";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TeamPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { joined } = await searchParams;
  const { team, role } = await requireTeamPage(slug, "members.read", `/teams/${slug}`);
  const article = /^[AEIOU]/i.test(role.name) ? "an" : "a";
  return (
    <div className="space-y-6">
      {joined === "new" ? (
        <Alert variant="success">
          <PartyPopper aria-hidden className="inline size-4" /> Welcome to {team.name}! You joined as {article} {role.name}.
        </Alert>
      ) : joined === "already" ? (
        <Alert>You were already a member of {team.name}, so nothing changed.</Alert>
      ) : null}
      <PageHeader
        title={team.name}
        description={`You are ${article} ${role.name} of this team.`}
        actions={
          <Button asChild variant="outline">
            <Link href={`/teams/${team.slug}/settings`}>
              <Settings aria-hidden className="size-4" /> Settings
            </Link>
          </Button>
        }
      />
    </div>
  );
}
