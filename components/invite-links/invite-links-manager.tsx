"use client";

import { Copy, Link2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { getInviteLinkUrlAction } from "@/actions/invite-links/get-invite-link-url-action";
import { revokeInviteLinkAction } from "@/actions/invite-links/revoke-invite-link-action";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { roleLabel } from "@/lib/i18n/role-label";
import type { InviteLinkDto } from "@/lib/invite-links/invite-link-dto";
import type { InviteLinkStatus } from "@/lib/invite-links/invite-link-status";

type Props = { teamSlug: string; language: string; links: InviteLinkDto[] };

const STATUS_VARIANT: Record<InviteLinkStatus, BadgeVariant> = {
  ACTIVE: "success",
  REVOKED: "destructive",
  EXPIRED: "muted",
  USED_UP: "warning",
};

/** The team's links: a table from tablet width up, one card per link on phones (no sideways scrolling). */
export function InviteLinksManager({ teamSlug, language, links }: Props) {
  const catalogue = getCatalogue(language);
  const t = catalogue.inviteLinks.settings;
  const router = useRouter();
  const [revoking, setRevoking] = useState<InviteLinkDto | null>(null);
  const [pending, startTransition] = useTransition();

  const copy = (link: InviteLinkDto) =>
    startTransition(async () => {
      const result = await getInviteLinkUrlAction({ teamSlug, linkId: link.id });
      if (!result.ok) {
        toast.error(result.error);
        router.refresh();
        return;
      }
      try {
        await navigator.clipboard.writeText(result.url);
        toast.success(t.copied);
      } catch {
        // Out of the clipboard's reach (an insecure origin, a refused permission): show it to copy by hand.
        window.prompt(t.copy, result.url);
      }
    });

  if (links.length === 0) return <EmptyState icon={<Link2 aria-hidden className="size-8" />} title={t.empty} />;

  const status = (link: InviteLinkDto) => <Badge variant={STATUS_VARIANT[link.status]}>{t.status[link.status]}</Badge>;
  const creator = (link: InviteLinkDto) => link.createdBy?.name ?? t.deletedAccount;
  const details = (link: InviteLinkDto) => `/teams/${teamSlug}/settings/invite-links/${link.id}`;
  const actions = (link: InviteLinkDto) => (
    <div className="flex flex-wrap gap-2">
      {link.status === "ACTIVE" ? (
        <Button variant="outline" size="sm" disabled={pending} onClick={() => copy(link)}>
          <Copy aria-hidden className="size-4" /> {t.copy}
        </Button>
      ) : null}
      {link.revokedAt ? null : (
        <Button variant="outline" size="sm" onClick={() => setRevoking(link)}>
          {t.revoke}
        </Button>
      )}
    </div>
  );

  return (
    <>
      <Table containerClassName="hidden md:block" aria-label={t.title}>
        <TableHeader>
          <TableRow>
            <TableHead scope="col">{t.columns.role}</TableHead>
            <TableHead scope="col">{t.columns.domain}</TableHead>
            <TableHead scope="col">{t.columns.uses}</TableHead>
            <TableHead scope="col">{t.columns.expires}</TableHead>
            <TableHead scope="col">{t.columns.createdBy}</TableHead>
            <TableHead scope="col">{t.columns.status}</TableHead>
            <TableHead scope="col">
              <span className="sr-only">{t.columns.actions}</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {links.map((link) => (
            <TableRow key={link.id} data-link-id={link.id}>
              <TableCell className="font-medium">
                <Link href={details(link)} className="underline-offset-4 hover:underline">
                  {roleLabel(catalogue, link.role)}
                </Link>
              </TableCell>
              <TableCell>{link.allowedDomain ?? t.anyDomain}</TableCell>
              <TableCell className="tabular-nums">{t.uses(link.uses, link.maxUses)}</TableCell>
              <TableCell>
                <LocalTime value={link.expiresAt} style="dateTime" />
              </TableCell>
              <TableCell className="max-w-48 truncate">{creator(link)}</TableCell>
              <TableCell>{status(link)}</TableCell>
              <TableCell>{actions(link)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      <ul className="space-y-3 md:hidden" aria-label={t.title}>
        {links.map((link) => (
          <li key={link.id} className="space-y-3 rounded-lg border p-4" data-link-id={link.id}>
            <div className="flex items-center justify-between gap-2">
              <Link href={details(link)} className="font-medium underline-offset-4 hover:underline">
                {roleLabel(catalogue, link.role)}
              </Link>
              {status(link)}
            </div>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-muted-foreground">{t.columns.domain}</dt>
              <dd className="break-all">{link.allowedDomain ?? t.anyDomain}</dd>
              <dt className="text-muted-foreground">{t.columns.uses}</dt>
              <dd className="tabular-nums">{t.uses(link.uses, link.maxUses)}</dd>
              <dt className="text-muted-foreground">{t.columns.expires}</dt>
              <dd>
                <LocalTime value={link.expiresAt} style="dateTime" />
              </dd>
              <dt className="text-muted-foreground">{t.columns.createdBy}</dt>
              <dd className="break-words">{creator(link)}</dd>
            </dl>
            {actions(link)}
          </li>
        ))}
      </ul>

      <ConfirmDialog
        open={!!revoking}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={t.revokeTitle}
        description={t.revokeDescription(revoking?.uses ?? 0)}
        confirmLabel={t.revoke}
        cancelLabel={t.cancel}
        pending={pending}
        onConfirm={() =>
          startTransition(async () => {
            const result = await revokeInviteLinkAction({ teamSlug, linkId: revoking!.id });
            if (result.ok) toast.success(t.revoked);
            else toast.error(result.error);
            setRevoking(null);
            router.refresh();
          })
        }
      />
    </>
  );
}
