"use client";

import { Mail, Trash2, Undo2 } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { bulkInvitationsAction } from "@/actions/invitations/bulk-invitations-action";
import { Button } from "@/components/ui/button";
import { describeBulkSummary, getInvitationsBulkMessages } from "@/lib/i18n/invitations-bulk";
import {
  BULK_INVITATION_LIMIT,
  type BulkInvitationAction,
  type BulkInvitationFilter,
} from "@/lib/invitations/bulk-invitation-schemas";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export type BulkSelection = { kind: "rows"; ids: string[] } | { kind: "matching"; filter: BulkInvitationFilter };

type Props = {
  language: string;
  teamSlug: string;
  selection: BulkSelection;
  /** Every row on this page is selected, so "all matching" can be offered. */
  pageFullySelected: boolean;
  total: number;
  totalIsCapped: boolean;
  onSelectAllMatching: () => void;
  onClear: () => void;
  onDone: () => void;
};

const ICONS = { resend: Mail, withdraw: Undo2, delete: Trash2 } satisfies Record<BulkInvitationAction, unknown>;

/** "N selected" with resend, withdraw and delete behind one confirmation naming the count; the result as a toast. */
export function InvitationBulkBar({
  language,
  teamSlug,
  selection,
  pageFullySelected,
  total,
  totalIsCapped,
  onSelectAllMatching,
  onClear,
  onDone,
}: Props) {
  const t = getInvitationsBulkMessages(language);
  const [confirm, setConfirm] = useState<BulkInvitationAction | null>(null);
  const [lastAction, setLastAction] = useState<BulkInvitationAction>("withdraw");
  const [pending, startTransition] = useTransition();
  const matching = selection.kind === "matching";
  const count = matching ? total : selection.ids.length;
  const capped = matching && totalIsCapped;
  const tooMany = matching && (totalIsCapped || total > BULK_INVITATION_LIMIT);

  const run = (action: BulkInvitationAction) =>
    startTransition(async () => {
      const target = selection.kind === "rows" ? { ids: selection.ids } : { filter: selection.filter };
      const result = await bulkInvitationsAction({ teamSlug, action, target });
      if (!result.ok) {
        toast.error(result.error ?? t.actions.failed);
        return;
      }
      toast.success(describeBulkSummary(language, result));
      setConfirm(null);
      onDone();
    });

  return (
    <div
      role="region"
      aria-label={t.actions.label}
      className="flex flex-col gap-2 rounded-md border bg-muted/40 px-3 py-2 text-sm sm:flex-row sm:flex-wrap sm:items-center"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-medium" aria-live="polite" data-testid="bulk-selected">
          {matching ? t.selection.allMatching(total, totalIsCapped) : t.selection.selected(count)}
        </span>
        {!matching && pageFullySelected && (total > count || totalIsCapped) ? (
          <Button variant="link" size="sm" className="h-auto px-0" onClick={onSelectAllMatching}>
            {t.selection.selectAllMatching(total, totalIsCapped)}
          </Button>
        ) : null}
        <Button variant="link" size="sm" className="h-auto px-0 text-muted-foreground" onClick={onClear}>
          {t.selection.clear}
        </Button>
      </div>
      {tooMany ? <p className="text-muted-foreground">{t.selection.tooMany(BULK_INVITATION_LIMIT)}</p> : null}
      <div className="flex flex-wrap gap-2 sm:ml-auto">
        {(["resend", "withdraw", "delete"] as const).map((action) => {
          const Icon = ICONS[action];
          return (
            <Button
              key={action}
              variant={action === "delete" ? "destructive" : "outline"}
              size="sm"
              disabled={tooMany || pending}
              onClick={() => {
                setLastAction(action);
                setConfirm(action);
              }}
            >
              <Icon aria-hidden /> {t.actions.verb[action]}
            </Button>
          );
        })}
      </div>
      <ConfirmDialog
        open={confirm !== null}
        onOpenChange={(open) => !open && !pending && setConfirm(null)}
        title={t.actions.title(confirm ?? lastAction, count, capped)}
        description={t.actions.description[confirm ?? lastAction]}
        confirmLabel={t.actions.verb[confirm ?? lastAction]}
        cancelLabel={t.actions.cancel}
        pending={pending}
        onConfirm={() => run(confirm ?? lastAction)}
      />
    </div>
  );
}
