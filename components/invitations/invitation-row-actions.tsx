"use client";

import { Copy, Eye, KeyRound, MoreHorizontal, RotateCw, Trash2, Undo2 } from "lucide-react";
import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { deleteInvitationAction } from "@/actions/invitations/delete-invitation-action";
import { resendInvitationAction } from "@/actions/invitations/resend-invitation-action";
import { resetInvitationLinkAction } from "@/actions/invitations/reset-invitation-link-action";
import { withdrawInvitationAction } from "@/actions/invitations/withdraw-invitation-action";
import { Button } from "@/components/ui/button";
import { DropdownMenuItem, DropdownMenuSeparator } from "@/components/ui/dropdown-menu";
import { RowMenu } from "@/components/ui/row-menu";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { copyInvitationLink } from "./copy-invitation-link";
import { InvitationDetailsDialog } from "./invitation-details-dialog";
import type { InvitationRow } from "./invitation-row";
import { useInvitationTable } from "./invitation-table-provider";

type Pending = "withdraw" | "delete" | "reset" | null;

export function InvitationRowActions({ invitation }: { invitation: InvitationRow }) {
  const { context, onChanged } = useInvitationTable();
  const [confirm, setConfirm] = useState<Pending>(null);
  const [detailsOpen, setDetailsOpen] = useState(false);
  // Dialogs mount on first use and stay (for their closing animation): a page of rows renders only its menus.
  const [used, setUsed] = useState({ confirm: false, details: false });
  const openConfirm = (kind: Exclude<Pending, null>) => {
    setUsed((current) => ({ ...current, confirm: true }));
    setConfirm(kind);
  };
  const openDetails = () => {
    setUsed((current) => ({ ...current, details: true }));
    setDetailsOpen(true);
  };
  const [busy, startTransition] = useTransition();
  const trigger = useRef<HTMLButtonElement>(null);
  const target = { teamSlug: context.teamSlug, invitationId: invitation.id };
  // The server decided what this viewer may do to this invitation; the menu only reads it.
  const { can } = invitation;

  const run = (
    label: string,
    action: (input: typeof target) => Promise<{ ok: boolean; error?: string }>,
    done: string,
  ) =>
    startTransition(async () => {
      const result = await action(target);
      if (!result.ok) {
        toast.error(result.error ?? `Couldn't ${label}.`);
        return;
      }
      toast.success(done);
      setConfirm(null);
      onChanged();
    });

  return (
    <>
      <RowMenu
        className="w-48"
        trigger={
          <Button
            ref={trigger}
            variant="ghost"
            size="icon"
            aria-label={`Actions for ${invitation.email}`}
            aria-busy={busy || undefined}
          >
            <MoreHorizontal aria-hidden className="size-4" />
          </Button>
        }
      >
        <DropdownMenuItem onSelect={openDetails}>
          <Eye aria-hidden /> View details
        </DropdownMenuItem>
        {can.copyLink ? (
          <DropdownMenuItem onSelect={() => void copyInvitationLink(context.teamSlug, invitation.id)}>
            <Copy aria-hidden /> Copy link
          </DropdownMenuItem>
        ) : null}
        {can.resend ? (
          <DropdownMenuItem
            disabled={busy}
            onSelect={() =>
              run(
                "resend",
                resendInvitationAction,
                `Invitation sent again to ${invitation.email}, with the same link and a fresh expiry`,
              )
            }
          >
            <RotateCw aria-hidden /> Resend
          </DropdownMenuItem>
        ) : null}
        {can.resetLink ? (
          <DropdownMenuItem disabled={busy} onSelect={() => openConfirm("reset")}>
            <KeyRound aria-hidden /> Reset link
          </DropdownMenuItem>
        ) : null}
        {can.withdraw ? (
          <DropdownMenuItem disabled={busy} onSelect={() => openConfirm("withdraw")}>
            <Undo2 aria-hidden /> Withdraw
          </DropdownMenuItem>
        ) : null}
        {can.delete ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem variant="destructive" disabled={busy} onSelect={() => openConfirm("delete")}>
              <Trash2 aria-hidden /> Delete
            </DropdownMenuItem>
          </>
        ) : null}
      </RowMenu>

      {used.confirm ? (
        <>
          <ConfirmDialog
            open={confirm === "withdraw"}
            onOpenChange={(open) => setConfirm(open ? "withdraw" : null)}
            title={`Withdraw the invitation to ${invitation.email}?`}
            description="The link in their email stops working at once. You can invite them again later."
            confirmLabel="Withdraw"
            pending={busy}
            focusOnClose={trigger}
            onConfirm={() => run("withdraw", withdrawInvitationAction, `Invitation to ${invitation.email} withdrawn`)}
          />
          <ConfirmDialog
            open={confirm === "reset"}
            onOpenChange={(open) => setConfirm(open ? "reset" : null)}
            title={`Reset the link for ${invitation.email}?`}
            description="A new link is emailed to them and every earlier link stops working at once, including copied ones. Someone opening an old link is told it was replaced."
            confirmLabel="Reset link"
            pending={busy}
            focusOnClose={trigger}
            onConfirm={() =>
              run(
                "reset the link",
                resetInvitationLinkAction,
                `New link sent to ${invitation.email}. Earlier links no longer work.`,
              )
            }
          />
          <ConfirmDialog
            open={confirm === "delete"}
            onOpenChange={(open) => setConfirm(open ? "delete" : null)}
            title={`Delete the invitation to ${invitation.email}?`}
            description={
              invitation.status === "PENDING"
                ? "It disappears from this list and its link stops working. The audit log keeps a record."
                : "It disappears from this list. The audit log keeps a record."
            }
            confirmLabel="Delete"
            pending={busy}
            focusOnClose={trigger}
            onConfirm={() => run("delete", deleteInvitationAction, `Invitation to ${invitation.email} deleted`)}
          />
        </>
      ) : null}
      {used.details ? (
        <InvitationDetailsDialog
          open={detailsOpen}
          onOpenChange={setDetailsOpen}
          teamSlug={context.teamSlug}
          invitationId={invitation.id}
          email={invitation.email}
          grantableRoles={context.grantableRoles}
          teamGroups={context.groups}
          onChanged={onChanged}
          focusOnClose={trigger}
        />
      ) : null}
    </>
  );
}
