import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { getCatalogue } from "@/lib/i18n/catalogues";
import type { ImportRowOutcome } from "@/lib/invitations/resolve-import-rows";

const VARIANTS: Record<ImportRowOutcome, BadgeVariant> = {
  invited: "success",
  invalid: "destructive",
  duplicate: "muted",
  already_member: "muted",
  already_invited: "warning",
  domain_not_allowed: "destructive",
  not_permitted: "destructive",
  seat_limit: "destructive",
};

/** A row's outcome; in the preview "invited" reads as what sending will do. Null: not processed yet. */
export function ImportOutcomeBadge({
  outcome,
  language,
  preview = false,
}: {
  outcome: ImportRowOutcome | null;
  language: string;
  preview?: boolean;
}) {
  const t = getCatalogue(language).invitationCsv;
  if (outcome === null) return <Badge variant="outline">{t.waiting}</Badge>;
  return (
    <Badge variant={VARIANTS[outcome]}>
      {preview && outcome === "invited" ? t.willBeInvited : t.outcomes[outcome].label}
    </Badge>
  );
}

/** The reason under a badge, when it says more than the badge does. */
export function showsReason(outcome: ImportRowOutcome | null, reason: string | null | undefined): reason is string {
  return !!reason && outcome !== "invited" && outcome !== "already_member";
}

/** "3 will be invited, 1 invalid, 1 already a member" */
export function summarizeImportOutcomes(outcomes: ImportRowOutcome[], language: string): string {
  const t = getCatalogue(language).invitationCsv;
  const counts = new Map<ImportRowOutcome, number>();
  for (const outcome of outcomes) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  return [...counts]
    .map(([outcome, count]) =>
      outcome === "invited" ? t.willBeInvitedSummary(count) : t.outcomes[outcome].summary(count),
    )
    .join(", ");
}
