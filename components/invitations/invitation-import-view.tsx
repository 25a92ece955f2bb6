import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { pluralize } from "@/lib/i18n/pluralize";
import type { InvitationImportDto, InvitationImportRowDto } from "@/lib/invitations/read-invitation-import";
import { cn } from "@/lib/utils/cn";
import { ImportOutcomeBadge } from "./import-outcome-badge";
import { RefreshWhileRunning } from "./refresh-while-running";

type Props = {
  teamSlug: string;
  job: InvitationImportDto;
  rows: InvitationImportRowDto[];
  page: number;
  pageCount: number;
  show: "all" | "skipped";
};

const STATUS: Record<
  InvitationImportDto["status"],
  { label: string; variant: "muted" | "warning" | "success" | "destructive" }
> = {
  PENDING: { label: "Queued", variant: "muted" },
  RUNNING: { label: "In progress", variant: "warning" },
  DONE: { label: "Finished", variant: "success" },
  FAILED: { label: "Stopped", variant: "destructive" },
};

const number = (value: number) => value.toLocaleString("en");

/** An import's progress and its rows' results; refreshes itself until the import ends. */
export function InvitationImportView({ teamSlug, job, rows, page, pageCount, show }: Props) {
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
          <ArrowLeft aria-hidden className="size-4" /> Invitations
        </Link>
      </Button>
      <div className="space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <h2 id="import-heading" className="min-w-0 break-all text-lg font-semibold">
            Import of {job.fileName}
          </h2>
          <Badge variant={STATUS[job.status].variant} data-testid="import-status">
            {STATUS[job.status].label}
          </Badge>
        </div>
        <p className="text-sm text-muted-foreground">
          Started <LocalTime value={job.createdAt} style="dateTime" />
          {job.createdBy ? ` by ${job.createdBy}` : ""}
          {job.finishedAt ? (
            <>
              {" "}
              · finished <LocalTime value={job.finishedAt} style="dateTime" />
            </>
          ) : null}
        </p>
      </div>

      <div className="space-y-2">
        <div
          role="progressbar"
          aria-label="Rows processed"
          aria-valuemin={0}
          aria-valuemax={job.total}
          aria-valuenow={job.processed}
          className="h-2 w-full overflow-hidden rounded-full bg-muted"
        >
          <div className="h-full bg-primary transition-all" style={{ width: `${percent}%` }} />
        </div>
        <p className="text-sm" aria-live="polite" data-testid="import-counts">
          {number(job.processed)} of {number(job.total)} {pluralize("en", job.total, { one: "row", other: "rows" })}{" "}
          processed: {number(job.invited)} invited, {number(job.skipped)} skipped
        </p>
      </div>
      {job.error ? (
        <Alert variant={job.status === "FAILED" ? "destructive" : "default"}>
          {job.error}
          {running ? (
            <>
              {" "}
              The import carries on by itself at <LocalTime value={job.nextRunAt} style="dateTime" />.
            </>
          ) : null}
        </Alert>
      ) : null}

      <nav aria-label="Rows shown" className="flex gap-1">
        {(["all", "skipped"] as const).map((value) => (
          <Button key={value} variant={show === value ? "secondary" : "ghost"} size="sm" asChild>
            <Link href={href({ show: value })} aria-current={show === value ? "page" : undefined}>
              {value === "all" ? "All rows" : "Skipped only"}
            </Link>
          </Button>
        ))}
      </nav>
      <div className="overflow-hidden rounded-lg border">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead className="w-16">Row</TableHead>
              <TableHead>Email</TableHead>
              <TableHead>Result</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.length === 0 ? (
              <TableRow>
                <TableCell colSpan={3} className="py-6 text-center text-sm text-muted-foreground">
                  {show === "skipped" ? "No row was skipped." : "No rows."}
                </TableCell>
              </TableRow>
            ) : (
              rows.map((row) => (
                <TableRow key={row.row}>
                  <TableCell className="align-top tabular-nums text-muted-foreground">{row.row}</TableCell>
                  <TableCell className="max-w-0 break-all align-top sm:max-w-none">{row.email || "(empty)"}</TableCell>
                  <TableCell className="align-top">
                    <div className="flex flex-col gap-1">
                      <ImportOutcomeBadge outcome={row.outcome} />
                      {row.reason && row.outcome !== "invited" ? (
                        <span className="text-xs text-muted-foreground">{row.reason}</span>
                      ) : null}
                    </div>
                  </TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </div>
      {pageCount > 1 ? (
        <nav aria-label="Pages" className="flex items-center justify-between gap-2 text-sm">
          <Button variant="outline" size="sm" asChild className={cn(page <= 1 && "pointer-events-none opacity-50")}>
            <Link href={href({ page: page - 1 })} aria-disabled={page <= 1}>
              Previous
            </Link>
          </Button>
          <span className="text-muted-foreground">
            Page {page} of {pageCount}
          </span>
          <Button
            variant="outline"
            size="sm"
            asChild
            className={cn(page >= pageCount && "pointer-events-none opacity-50")}
          >
            <Link href={href({ page: page + 1 })} aria-disabled={page >= pageCount}>
              Next
            </Link>
          </Button>
        </nav>
      ) : null}
    </section>
  );
}
