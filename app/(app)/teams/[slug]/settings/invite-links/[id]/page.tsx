import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LocalTime } from "@/components/ui/local-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { readRequestLanguage } from "@/lib/i18n/read-request-language";
import { roleLabel } from "@/lib/i18n/role-label";
import { getInviteLink } from "@/lib/invite-links/get-invite-link";
import { requireTeamPage } from "@/lib/teams/require-team-page";

export const metadata: Metadata = { title: "Invite link" };

export default async function InviteLinkPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { user } = await requireTeamPage(slug, "members.manage", `/teams/${slug}/settings/invite-links/${id}`);
  const [result, language] = await Promise.all([
    getInviteLink({ kind: "user", userId: user.id }, { slug }, id),
    readRequestLanguage(),
  ]);
  if (!result.ok) notFound();
  const catalogue = getCatalogue(language);
  const t = catalogue.inviteLinks.settings;
  const { link, joined } = result;
  return (
    <section className="space-y-4" aria-labelledby="invite-link-heading" lang={language}>
      <Link
        href={`/teams/${slug}/settings/invite-links`}
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ArrowLeft aria-hidden className="size-4" /> {t.back}
      </Link>
      <div>
        <h2 id="invite-link-heading" className="text-lg font-semibold">
          {t.details} · {roleLabel(catalogue, link.role)}
        </h2>
        <p className="text-sm text-muted-foreground">
          {t.status[link.status]} · {t.uses(link.uses, link.maxUses)} · {link.allowedDomain ?? t.anyDomain}
        </p>
      </div>
      {joined.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t.noneJoined}</p>
      ) : (
        <>
          <p className="text-sm">{t.joinedCount(joined.length)}</p>
          <Table aria-label={t.details}>
            <TableHeader>
              <TableRow>
                <TableHead scope="col">{t.joinedColumns.name}</TableHead>
                <TableHead scope="col" className="hidden sm:table-cell">
                  {t.joinedColumns.email}
                </TableHead>
                <TableHead scope="col">{t.joinedColumns.joinedAt}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {joined.map((person) => (
                <TableRow key={person.userId}>
                  <TableCell className="max-w-40 break-words font-medium">
                    {person.name}
                    <span className="block break-all text-xs font-normal text-muted-foreground sm:hidden">
                      {person.email}
                    </span>
                  </TableCell>
                  <TableCell className="hidden break-all sm:table-cell">{person.email}</TableCell>
                  <TableCell>
                    <LocalTime value={person.joinedAt} style="dateTime" />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </section>
  );
}
