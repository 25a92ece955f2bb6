"use client";

import { getInvitationsBulkMessages } from "@/lib/i18n/invitations-bulk";
import type { InvitationStatusCounts } from "@/lib/invitations/count-invitations-by-status";
import { INVITATION_STATUSES, type InvitationDisplayStatus } from "@/lib/invitations/status";
import { cn } from "@/lib/utils/cn";

type Props = {
  language: string;
  counts: InvitationStatusCounts;
  /** The status filter in the URL; a tab is current when it is exactly that one status (or none, for All). */
  selected: InvitationDisplayStatus[];
  onSelect: (status: InvitationDisplayStatus | null) => void;
};

/** A segmented control over the status filter, each status with the team's count (from the server). */
export function InvitationStatusTabs({ language, counts, selected, onSelect }: Props) {
  const t = getInvitationsBulkMessages(language).tabs;
  const locale = language === "fr" ? "fr" : "en";
  const current = selected.length === 0 ? "ALL" : selected.length === 1 ? selected[0] : null;
  const segment = (key: InvitationDisplayStatus | "ALL", label: string, count?: { count: number; capped: boolean }) => (
    <button
      key={key}
      type="button"
      aria-pressed={current === key}
      onClick={() => onSelect(key === "ALL" ? null : key)}
      className={cn(
        "inline-flex h-7 shrink-0 items-center gap-1.5 rounded-[5px] px-2.5 text-sm font-medium text-muted-foreground transition-colors",
        "hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
        current === key && "bg-background text-foreground shadow-xs",
      )}
    >
      {label}
      {count ? (
        <span className="tabular-nums text-xs text-muted-foreground" data-testid={`status-count-${key}`}>
          {count.capped ? t.capped(count.count) : count.count.toLocaleString(locale)}
        </span>
      ) : null}
    </button>
  );
  return (
    <div className="max-w-full overflow-x-auto">
      <div role="group" aria-label={t.label} className="inline-flex items-center gap-0.5 rounded-md bg-muted p-0.5">
        {segment("ALL", t.all)}
        {INVITATION_STATUSES.map((status) => segment(status, t.status[status], counts[status]))}
      </div>
    </div>
  );
}
