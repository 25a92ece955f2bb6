import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { PreviewEntry, PreviewStatus } from "@/lib/invitations/preview-invitations";

const LABELS: Record<PreviewStatus, { label: string; variant: BadgeVariant }> = {
  valid: { label: "Will be invited", variant: "success" },
  invalid: { label: "Invalid", variant: "destructive" },
  duplicate: { label: "Duplicate", variant: "muted" },
  member: { label: "Already a member", variant: "muted" },
  invited: { label: "Already invited", variant: "warning" },
  domain: { label: "Domain not allowed", variant: "destructive" },
};

/** Live preview of what will happen to each address, before anything is sent. */
export function InvitePreview({ entries }: { entries: PreviewEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <ul aria-label="Address check" className="max-h-40 space-y-1 overflow-y-auto rounded-md border p-2 text-sm">
      {entries.map((entry, index) => (
        <li key={`${entry.input}-${index}`} className="flex items-center justify-between gap-3">
          <span className="break-all">{entry.input}</span>
          <Badge variant={LABELS[entry.status].variant} title={entry.reason}>
            {LABELS[entry.status].label}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
