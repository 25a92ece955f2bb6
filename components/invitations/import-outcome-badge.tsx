import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { ImportRowOutcome } from "@/lib/invitations/resolve-import-rows";

const OUTCOMES: Record<ImportRowOutcome, { label: string; variant: BadgeVariant; summary: string }> = {
  invited: { label: "Invited", variant: "success", summary: "invited" },
  invalid: { label: "Invalid", variant: "destructive", summary: "invalid" },
  duplicate: { label: "Duplicate", variant: "muted", summary: "duplicate" },
  already_member: { label: "Already a member", variant: "muted", summary: "already a member" },
  already_invited: { label: "Already invited", variant: "warning", summary: "already invited" },
  domain_not_allowed: { label: "Domain not allowed", variant: "destructive", summary: "domain not allowed" },
  not_permitted: { label: "Not permitted", variant: "destructive", summary: "not permitted" },
  seat_limit: { label: "No free seat", variant: "destructive", summary: "no free seat" },
};

/** A row's outcome; in the preview "invited" reads as what sending will do. Null: not processed yet. */
export function ImportOutcomeBadge({
  outcome,
  preview = false,
}: {
  outcome: ImportRowOutcome | null;
  preview?: boolean;
}) {
  if (outcome === null) return <Badge variant="outline">Waiting</Badge>;
  const { label, variant } = OUTCOMES[outcome];
  return <Badge variant={variant}>{preview && outcome === "invited" ? "Will be invited" : label}</Badge>;
}

/** "3 will be invited, 1 invalid, 1 already a member" */
export function summarizeImportOutcomes(outcomes: ImportRowOutcome[]): string {
  const counts = new Map<ImportRowOutcome, number>();
  for (const outcome of outcomes) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  return [...counts]
    .map(
      ([outcome, count]) =>
        `${count.toLocaleString("en")} ${outcome === "invited" ? "will be invited" : OUTCOMES[outcome].summary}`,
    )
    .join(", ");
}
