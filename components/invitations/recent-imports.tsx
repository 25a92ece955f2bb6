import Link from "next/link";
import { FileUp } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { getCatalogue } from "@/lib/i18n/catalogues";

type RecentImport = {
  id: string;
  fileName: string;
  status: "PENDING" | "RUNNING" | "DONE" | "FAILED";
  total: number;
  processed: number;
  createdAt: Date;
};

const VARIANTS = { PENDING: "muted", RUNNING: "warning", DONE: "success", FAILED: "destructive" } as const;

/** Links to the team's recent CSV imports, so one started earlier can be followed again. */
export function RecentImports({
  teamSlug,
  imports,
  language,
}: {
  teamSlug: string;
  imports: RecentImport[];
  language: string;
}) {
  if (imports.length === 0) return null;
  const t = getCatalogue(language).invitationCsv;
  return (
    <nav aria-label={t.recentImports} className="space-y-1 text-sm">
      <h3 className="font-medium">{t.recentImports}</h3>
      <ul className="space-y-1">
        {imports.map((job) => (
          <li key={job.id} className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <FileUp aria-hidden className="size-4 text-muted-foreground" />
            <Link
              href={`/teams/${teamSlug}/settings/invitations/imports/${job.id}`}
              className="min-w-0 break-all underline-offset-4 hover:underline"
            >
              {job.fileName}
            </Link>
            <Badge variant={VARIANTS[job.status]}>{t.statuses[job.status]}</Badge>
            <span className="text-muted-foreground">
              {t.progress(job.processed, job.total)} · <LocalTime value={job.createdAt} style="dateTime" />
            </span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
