"use client";

import { Copy, KeyRound, Link as LinkIcon } from "lucide-react";
import { useEffect, useState, useTransition, type RefObject } from "react";
import { toast } from "sonner";
import { getInvitationDetailsAction } from "@/actions/invitations/get-invitation-details-action";
import { resetInvitationLinkAction } from "@/actions/invitations/reset-invitation-link-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { LocalTime } from "@/components/ui/local-time";
import { returnFocus } from "@/components/ui/return-focus";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { INVITATION_LANGUAGES } from "@/lib/invitations/languages";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { copyText } from "@/components/ui/copy-text";
import { copyInvitationLink } from "./copy-invitation-link";
import { EditInvitationForm } from "./edit-invitation-form";
import { DeliveryBadge, InvitationStatusBadge } from "./invitation-status-badge";

type Details = Extract<Awaited<ReturnType<typeof getInvitationDetailsAction>>, { ok: true }>;

const HISTORY_LABELS: Record<string, string> = {
  "invitation.created": "Invited",
  "invitation.resent": "Sent again (same link)",
  "invitation.link_reset": "Link reset (earlier links stopped working)",
  "invitation.current_link_requested": "Invitee asked for the current link from an old one",
  "invitation.reminder_queued": "Reminder sent (expires within 2 days)",
  "invitation.updated": "Edited",
  "invitation.withdrawn": "Withdrawn",
  "invitation.deleted": "Deleted",
  "invitation.accepted": "Accepted",
  "invitation.declined": "Declined",
  "invitation.link_copied": "Link copied",
  "invitation.renewal_requested": "Invitee asked for a new invitation",
};

const When = ({ value }: { value: Date | string | null }) =>
  value ? <LocalTime value={value} style="dateTime" /> : <>—</>;

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  teamSlug: string;
  invitationId: string;
  email: string;
  /** Roles the viewer may grant (the server decides; whether this invitation is editable comes with its details). */
  grantableRoles: Array<{ id: string; name: string }>;
  /** The team's groups, offered when editing. */
  teamGroups: Array<{ id: string; name: string }>;
  onChanged: () => void;
  /** The row's menu button: the menu item that opened this dialog is gone when it closes. */
  focusOnClose: RefObject<HTMLElement | null>;
};

export function InvitationDetailsDialog({
  open,
  onOpenChange,
  teamSlug,
  invitationId,
  email,
  grantableRoles,
  teamGroups,
  onChanged,
  focusOnClose,
}: Props) {
  const [details, setDetails] = useState<Details | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [loading, startLoading] = useTransition();
  const [confirmReset, setConfirmReset] = useState(false);
  const [resetting, startResetting] = useTransition();

  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!open) return;
    startLoading(async () => {
      const result = await getInvitationDetailsAction({ teamSlug, invitationId });
      if (result.ok) {
        setDetails(result);
        setError(null);
      } else setError(result.error);
    });
  }, [open, teamSlug, invitationId, version]);

  const invitation = details?.invitation;
  const editable = details?.can.edit === true;
  const resettable = details?.can.resetLink === true;
  const resetLink = () =>
    startResetting(async () => {
      const result = await resetInvitationLinkAction({ teamSlug, invitationId });
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      toast.success(`New link sent to ${email}. Earlier links no longer work.`);
      setConfirmReset(false);
      setLink(null);
      setVersion((v) => v + 1);
      onChanged();
    });
  const language = INVITATION_LANGUAGES.find((l) => l.code === invitation?.language)?.label ?? invitation?.language;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-xl" onCloseAutoFocus={(event) => returnFocus(event, focusOnClose)}>
        <DialogHeader>
          <DialogTitle>Invitation details</DialogTitle>
          <DialogDescription className="break-all">{email}</DialogDescription>
        </DialogHeader>
        {error ? <Alert variant="destructive">{error}</Alert> : null}
        {!invitation && loading ? (
          <div className="space-y-2">
            <Skeleton className="h-4 w-2/3" />
            <Skeleton className="h-4 w-1/2" />
            <Skeleton className="h-4 w-3/4" />
          </div>
        ) : null}
        {invitation ? (
          // Tabs keep the common questions (status, expiry, who, the link) on one screen at 800 px.
          <Tabs defaultValue="overview">
            <TabsList aria-label="Invitation">
              <TabsTrigger value="overview">Overview</TabsTrigger>
              {editable ? <TabsTrigger value="edit">Edit</TabsTrigger> : null}
              <TabsTrigger value="history">History</TabsTrigger>
            </TabsList>
            <TabsContent value="overview" className="space-y-5">
              <dl className="grid grid-cols-[7rem_1fr] gap-x-4 gap-y-2 text-sm">
                <dt className="text-muted-foreground">Status</dt>
                <dd>
                  <InvitationStatusBadge status={invitation.status} />
                </dd>
                <dt className="text-muted-foreground">Role</dt>
                <dd>{invitation.role.name}</dd>
                <dt className="text-muted-foreground">Expires</dt>
                <dd>
                  <When value={invitation.expiresAt} />
                </dd>
                <dt className="text-muted-foreground">Invited by</dt>
                <dd className="min-w-0 break-words">
                  {invitation.inviter ? `${invitation.inviter.name} (${invitation.inviter.email})` : "Former member"}
                </dd>
                <dt className="text-muted-foreground">Delivery</dt>
                <dd className="space-y-1">
                  <DeliveryBadge status={invitation.delivery.status} />
                  {invitation.delivery.error ? (
                    <p className="text-xs text-destructive">{invitation.delivery.error}</p>
                  ) : null}
                  <p className="text-xs text-muted-foreground">
                    Sent {invitation.sendCount} {invitation.sendCount === 1 ? "time" : "times"}
                    {invitation.lastSentAt ? (
                      <>
                        , last <LocalTime value={invitation.lastSentAt} style="dateTime" />
                      </>
                    ) : null}
                  </p>
                </dd>
                {invitation.declineReason ? (
                  <>
                    <dt className="text-muted-foreground">Decline reason</dt>
                    <dd className="whitespace-pre-wrap">{invitation.declineReason}</dd>
                  </>
                ) : null}
                <dt className="text-muted-foreground">Groups</dt>
                <dd>{invitation.groups.map((g) => g.name).join(", ") || "—"}</dd>
                <dt className="text-muted-foreground">Email language</dt>
                <dd>{language}</dd>
                <dt className="text-muted-foreground">Invitation ID</dt>
                <dd className="break-all font-mono text-xs">{invitation.id}</dd>
              </dl>

              {invitation.status === "PENDING" ? (
                <div className="space-y-2">
                  <p className="text-sm font-medium">Invitation link</p>
                  {link ? (
                    <div className="flex gap-2">
                      <Input
                        readOnly
                        value={link}
                        aria-label="Invitation link"
                        onFocus={(event) => event.currentTarget.select()}
                      />
                      <Button variant="outline" size="icon" aria-label="Copy link" onClick={() => void copyText(link)}>
                        <Copy aria-hidden className="size-4" />
                      </Button>
                    </div>
                  ) : (
                    <Button
                      variant="outline"
                      size="sm"
                      onClick={async () => setLink(await copyInvitationLink(teamSlug, invitationId))}
                    >
                      <LinkIcon aria-hidden className="size-4" /> Copy link
                    </Button>
                  )}
                </div>
              ) : null}
              {resettable ? (
                <div className="space-y-2">
                  <p className="text-sm text-muted-foreground">
                    Think the link reached the wrong person? Replace it: earlier links stop working.
                  </p>
                  <Button variant="outline" size="sm" onClick={() => setConfirmReset(true)}>
                    <KeyRound aria-hidden className="size-4" /> Reset link
                  </Button>
                  <ConfirmDialog
                    open={confirmReset}
                    onOpenChange={setConfirmReset}
                    title={`Reset the link for ${email}?`}
                    description="A new link is emailed to them and every earlier link stops working at once, including copied ones. Someone opening an old link is told it was replaced."
                    confirmLabel="Reset link"
                    pending={resetting}
                    onConfirm={resetLink}
                  />
                </div>
              ) : null}
            </TabsContent>

            {editable ? (
              <TabsContent value="edit">
                <EditInvitationForm
                  key={`${invitation.role.id}-${invitation.language}-${invitation.groups.map((g) => g.id).join(",")}`}
                  teamSlug={teamSlug}
                  invitationId={invitationId}
                  roleId={invitation.role.id}
                  language={invitation.language}
                  groupIds={invitation.groups.map((g) => g.id)}
                  roles={grantableRoles}
                  groups={teamGroups}
                  onSaved={() => {
                    setVersion((v) => v + 1);
                    onChanged();
                  }}
                />
              </TabsContent>
            ) : null}

            <TabsContent value="history" className="space-y-4">
              <dl className="grid grid-cols-[7rem_1fr] gap-x-4 gap-y-2 text-sm">
                <dt className="text-muted-foreground">Created</dt>
                <dd>
                  <When value={invitation.createdAt} />
                </dd>
                <dt className="text-muted-foreground">Last modified</dt>
                <dd>
                  <When value={invitation.updatedAt} />
                </dd>
              </dl>
              <ol aria-label="History" className="max-h-80 space-y-1.5 overflow-y-auto border-l pl-4 text-sm">
                {details.history.map((entry) => (
                  <li key={entry.id}>
                    <span className="font-medium">{HISTORY_LABELS[entry.action] ?? entry.action}</span>
                    <span className="text-muted-foreground">
                      {" "}
                      · <When value={entry.at} />
                      {entry.actor ? ` · ${entry.actor.name}` : ""}
                    </span>
                  </li>
                ))}
              </ol>
            </TabsContent>
          </Tabs>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
