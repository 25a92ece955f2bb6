import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { PreviousInvitationState } from "@/lib/invitations/classify-invite-addresses";
import type { PreviewEntry } from "@/lib/invitations/preview-invitations";
import { MAX_ADDRESSES_PER_REQUEST } from "@/lib/invitations/schemas";
import type { InviteOutcome } from "@/lib/invitations/summarize-invite-results";

const LABELS: Record<InviteOutcome, { label: string; variant: BadgeVariant; summary: string }> = {
  invited: { label: "Will be invited", variant: "success", summary: "will be invited" },
  invalid: { label: "Invalid", variant: "destructive", summary: "invalid" },
  duplicate: { label: "Duplicate", variant: "muted", summary: "duplicate" },
  already_member: { label: "Already a member", variant: "muted", summary: "already a member" },
  already_invited: { label: "Already invited", variant: "warning", summary: "already invited" },
  domain_not_allowed: { label: "Domain not allowed", variant: "destructive", summary: "domain not allowed" },
};

const PREVIOUS: Record<PreviousInvitationState, string> = {
  EXPIRED: "expired",
  WITHDRAWN: "withdrawn",
  DECLINED: "declined",
};

/** "Will be invited (previous invitation expired)": the badge says what sending does, and why it may. */
function badgeLabel(entry: PreviewEntry): string {
  const label = LABELS[entry.status].label;
  return entry.status === "invited" && entry.previous
    ? `${label} (previous invitation ${PREVIOUS[entry.previous]})`
    : label;
}

/** "4 addresses: 2 will be invited, 1 invalid, 1 already a member" */
export function summarizePreview(entries: PreviewEntry[], tooMany: boolean): string {
  if (entries.length === 0) return "";
  const counts = new Map<InviteOutcome, number>();
  for (const entry of entries) counts.set(entry.status, (counts.get(entry.status) ?? 0) + 1);
  const parts = [...counts].map(([status, count]) => `${count} ${LABELS[status].summary}`);
  const total = tooMany
    ? `More than ${MAX_ADDRESSES_PER_REQUEST} addresses`
    : `${entries.length} ${entries.length === 1 ? "address" : "addresses"}`;
  return `${total}: ${parts.join(", ")}`;
}

type Props = { entries: PreviewEntry[]; tooMany: boolean; error: string | null };

/**
 * Live preview of what will happen to each address, before anything is sent. The summary line
 * is a polite live region (always in the page, so screen readers hear each new result).
 */
export function InvitePreview({ entries, tooMany, error }: Props) {
  const shown = tooMany ? entries.slice(0, MAX_ADDRESSES_PER_REQUEST) : entries;
  return (
    <div>
      <p aria-live="polite" aria-atomic="true" className="text-xs text-muted-foreground">
        {error ? "" : summarizePreview(shown, tooMany)}
      </p>
      {error ? (
        <Alert variant="destructive" className="mt-2">
          {error}
        </Alert>
      ) : null}
      {tooMany ? (
        <Alert variant="destructive" className="mt-2">
          At most {MAX_ADDRESSES_PER_REQUEST} addresses can be sent at once. Remove some, or send them in several
          batches.
        </Alert>
      ) : null}
      {shown.length > 0 ? (
        <ul
          aria-label="Address check"
          className="mt-2 max-h-40 space-y-1 overflow-y-auto rounded-md border p-2 text-sm"
        >
          {shown.map((entry, index) => (
            <li key={`${entry.input}-${index}`} className="flex items-center justify-between gap-3">
              <span className="break-all">{entry.input}</span>
              <Badge variant={LABELS[entry.status].variant} title={entry.reason}>
                {badgeLabel(entry)}
              </Badge>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
