import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InvitationImportView } from "@/components/invitations/invitation-import-view";
import { readRequestLanguage } from "@/lib/i18n/read-request-language";
import { readInvitationImport } from "@/lib/invitations/read-invitation-import";
import { requireTeamPage } from "@/lib/teams/require-team-page";

export const metadata: Metadata = { title: "Invitation import" };

type Props = {
  params: Promise<{ slug: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function InvitationImportPage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const { user } = await requireTeamPage(slug, "members.manage", `/teams/${slug}/settings/invitations/imports/${id}`);
  const [result, language] = await Promise.all([
    readInvitationImport({ kind: "user", userId: user.id }, { slug }, id, await searchParams),
    readRequestLanguage(),
  ]);
  if (!result.ok) notFound();
  return <InvitationImportView teamSlug={slug} language={language} {...result} />;
}
