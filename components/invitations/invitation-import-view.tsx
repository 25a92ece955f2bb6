import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getCatalogue } from "@/lib/i18n/catalogues";
import type { InvitationImportDto, InvitationImportRowDto } from "@/lib/invitations/read-invitation-import";
import { cn } from "@/lib/utils/cn";
import { ImportOutcomeBadge, showsReason } from "./import-outcome-badge";
import { RefreshWhileRunning } from "./refresh-while-running";

type Props = {
  teamSlug: string;
  language: string;
  job: InvitationImportDto;
  rows: InvitationImportRowDto[];
  page: number;
  pageCount: number;
  show: "all" | "skipped";
};

const STATUS_VARIANTS: Record<InvitationImportDto["status"], "muted" | "warning" | "success" | "destructive"> = {
  PENDING: "muted",
  RUNNING: "warning",
  DONE: "success",
  FAILED: "destructive",
};

/** An import's progress and its rows' results; refreshes itself until the import ends. */
export function InvitationImportView({ teamSlug, language, job, rows, page, pageCount, show }: Props) {
  const t = getCatalogue(language).invitationCsv;
  const running = job.status === "PENDING" || job.status === "RUNNING";
  const percent = job.total === 0 ? 100 : Math.floor((job.processed / job.total) * 100);
  const base = `/teams/${teamSlug}/settings/invitations/imports/${job.id}`;
  const href = (next: { page?: number; show?: string }) => {
    const params = new URLSearchParams();
    const wanted = next.show ?? show;
    if (wanted !== "all") params.set("show", wanted);
    if ((next.page ?? 1) > 1) params.set("page", String(next.page));
    return params.size ? `${base}?${params}` : base;
  };
  return (
    <section className="space-y-4" aria-labelledby="import-heading">
      <RefreshWhileRunning running={running} />
      <Button variant="ghost" size="sm" asChild className="-ml-2">
        <Link href={`/teams/${teamSlug}/settings/invitations`}>
          <ArrowLeft aria-hidden className="size-4" /> {t.back}
        </Link>
      </Button>
      <div className="space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <h2 id="import-heading" className="min-w-0 break-all text-lg font-semibold">
            {t.heading(job.fileName)}
          </h2>
          <Badge variant={STATUS_VARIANTS[job.status]} data-testid="import-status">
            {t.statuses[job.status]}
          </Badge>
        </div>
        <p className="text-sm text-muted-foreground">
          {t.started} <LocalTime value={job.createdAt} style="dateTime" />
          {job.createdBy ? ` ${t.by(job.createdBy)}` : ""}
          {job.finishedAt ? (
            <>
              {" "}
              · {t.finished} <LocalTime value={job.finishedAt} style="dateTime" />
            </>
          ) : null}
        </p>
      </div>

      <div className="space-y-2">
        <div
          role="progressbar"
          aria-label={t.progressLabel}
          aria-valuemin={0}
          aria-valuemax={job.total}
          aria-valuenow={job.processed}
          className="h-2 w-full overflow-hidden rounded-full bg-muted"
        >
          <div className="h-full bg-primary transition-all" style={{ width: `${percent}%` }} />
        </div>
        <p className="text-sm" aria-live="polite" data-testid="import-counts">
          {t.counts(job.processed, job.total, job.invited, job.skipped)}
        </p>
      </div>
      {job.error ? (
        <Alert variant={job.status === "FAILED" ? "destructive" : "default"}>
          {job.error}
          {running ? (
            <>
              {" "}
              {t.resumesAt} <LocalTime value={job.nextRunAt} style="dateTime" />.
            </>
          ) : null}
        </Alert>
      ) : null}

      <nav aria-label={t.rowsShown} className="flex gap-1">
        {(["all", "skipped"] as const).map((value) => (
          <Button key={value} variant={show === value ? "secondary" : "ghost"} size="sm" asChild>
            <Link href={href({ show: value })} aria-current={show === value ? "page" : undefined}>
              {value === "all" ? t.allRows : t.skippedOnly}
            </Link>
          </Button>
        ))}
      </nav>
      <div className="overflow-hidden rounded-lg border">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead className="w-12">{t.row}</TableHead>
              <TableHead>{t.email}</TableHead>
              <TableHead className="hidden sm:table-cell">{t.result}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.length === 0 ? (
              <TableRow>
                <TableCell colSpan={3} className="py-6 text-center text-sm text-muted-foreground">
                  {show === "skipped" ? t.noneSkipped : t.noRows}
                </TableCell>
              </TableRow>
            ) : (
              rows.map((row) => {
                const result = (
                  <div className="flex flex-col gap-1">
                    <ImportOutcomeBadge outcome={row.outcome} language={language} />
                    {showsReason(row.outcome, row.reason) ? (
                      <span className="text-xs text-muted-foreground">{row.reason}</span>
                    ) : null}
                  </div>
                );
                return (
                  <TableRow key={row.row}>
                    <TableCell className="w-12 align-top tabular-nums text-muted-foreground">{row.row}</TableCell>
                    <TableCell className="align-top">
                      <span className="break-all">{row.email || t.empty}</span>
                      {/* On a phone the result sits under the address: three columns leave the address no room. */}
                      <div className="mt-1 sm:hidden">{result}</div>
                    </TableCell>
                    <TableCell className="hidden align-top sm:table-cell">{result}</TableCell>
                  </TableRow>
                );
              })
            )}
          </TableBody>
        </Table>
      </div>
      {pageCount > 1 ? (
        <nav aria-label={t.pages} className="flex items-center justify-between gap-2 text-sm">
          <Button variant="outline" size="sm" asChild className={cn(page <= 1 && "pointer-events-none opacity-50")}>
            <Link href={href({ page: page - 1 })} aria-disabled={page <= 1}>
              {t.previous}
            </Link>
          </Button>
          <span className="text-muted-foreground">{t.pageOf(page, pageCount)}</span>
          <Button
            variant="outline"
            size="sm"
            asChild
            className={cn(page >= pageCount && "pointer-events-none opacity-50")}
          >
            <Link href={href({ page: page + 1 })} aria-disabled={page >= pageCount}>
              {t.next}
            </Link>
          </Button>
        </nav>
      ) : null}
    </section>
  );
}
