import type { BulkSummary } from "@/lib/invitations/tally-bulk-outcomes";
import { en, type InvitationsBulkMessages } from "./en";
import { fr } from "./fr";

const catalogues: Record<string, InvitationsBulkMessages> = { en, fr };

/** The languages the invitations table's status tabs and bulk actions speak. */
export const INVITATIONS_BULK_LANGUAGES = Object.keys(catalogues);

export function getInvitationsBulkMessages(language: string): InvitationsBulkMessages {
  return catalogues[language] ?? en;
}

/** "18 resent, 2 skipped: already accepted" — the result of one bulk action in one sentence. */
export function describeBulkSummary(language: string, summary: BulkSummary): string {
  const t = getInvitationsBulkMessages(language).summary;
  if (summary.matched === 0) return t.nothing;
  const done = t.done(summary.action, summary.done);
  if (summary.skipped === 0) return done;
  const reasons = Object.entries(summary.skippedBy)
    .map(([reason, count]) => {
      const text = t.reason[reason as keyof typeof t.reason](count ?? 0);
      return Object.keys(summary.skippedBy).length > 1 ? `${count} ${text}` : text;
    })
    .join(", ");
  return `${done}, ${t.skipped(summary.skipped, reasons)}`;
}

export type { InvitationsBulkMessages };
