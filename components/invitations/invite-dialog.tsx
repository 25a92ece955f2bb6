"use client";

import { Copy, UserPlus } from "lucide-react";
import type { ComponentProps } from "react";
import { useEffect, useState, useTransition } from "react";
import { inviteMembersAction } from "@/actions/invitations/invite-members-action";
import { previewInvitationsAction } from "@/actions/invitations/preview-invitations-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { SelectField } from "@/components/ui/select-field";
import { Textarea } from "@/components/ui/textarea";
import { pluralize } from "@/lib/i18n/pluralize";
import type { PreviewEntry } from "@/lib/invitations/preview-invitations";
import { MAX_INVITATION_MESSAGE_LENGTH } from "@/lib/invitations/schemas";
import type { InviteAddressResult } from "@/lib/invitations/summarize-invite-results";
import { copyInvitationLink } from "./copy-invitation-link";
import type { InvitationOptions } from "./invitation-row";
import { GroupCheckboxes } from "./group-checkboxes";
import { InvitePreview } from "./invite-preview";
import { LANGUAGE_OPTIONS, roleOptions } from "./select-options";

type Outcome = { summary: string; results: InviteAddressResult[]; link: { invitationId: string; url: string } | null };
type Preview = { entries: PreviewEntry[]; tooMany: boolean; error: string | null };

const NO_PREVIEW: Preview = { entries: [], tooMany: false, error: null };

type Props = {
  context: InvitationOptions;
  onInvited: () => void;
  open: boolean;
  onOpenChange: (open: boolean) => void;
};

/** Controlled by its parent, so it stays open while the table behind it changes shape. */
export function InviteDialog({ context, onInvited, open, onOpenChange: setOpen }: Props) {
  // The server sends the roles the viewer may grant, highest first; the least powerful one is the default.
  const grantable = context.grantableRoles;
  const [emails, setEmails] = useState("");
  const [roleId, setRoleId] = useState(grantable.at(-1)?.id ?? "");
  const [groupIds, setGroupIds] = useState<string[]>([]);
  const [language, setLanguage] = useState("en");
  const [message, setMessage] = useState("");
  const [preview, setPreview] = useState<Preview>(NO_PREVIEW);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [sending, startSending] = useTransition();

  // Every opening starts from an empty form, however the last one ended (Done, Cancel,
  // Escape, the corner button). Role and language stay as chosen: people invite in batches.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setEmails("");
      setGroupIds([]);
      setMessage("");
      setPreview(NO_PREVIEW);
      setError(null);
      setOutcome(null);
    }
  }

  useEffect(() => {
    if (!emails.trim()) return;
    let current = true;
    const timer = setTimeout(async () => {
      try {
        const result = await previewInvitationsAction({ teamSlug: context.teamSlug, text: emails });
        if (!current) return;
        if (result.ok) setPreview({ entries: result.entries, tooMany: result.tooMany, error: null });
        else
          setPreview({
            ...NO_PREVIEW,
            error:
              result.code === "INVALID"
                ? "This list is too long to check. Send at most 500 addresses at a time."
                : result.error,
          });
      } catch {
        if (current)
          setPreview({
            ...NO_PREVIEW,
            error: "Couldn't check these addresses just now. They are still checked when you send.",
          });
      }
    }, 350);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [emails, context.teamSlug]);

  const inviteMore = () => {
    setEmails("");
    setGroupIds([]);
    setPreview(NO_PREVIEW);
    setError(null);
    setOutcome(null);
  };
  const shownPreview = emails.trim() ? preview : NO_PREVIEW;
  const sendable = shownPreview.entries.filter((entry) => entry.status === "invited").length;

  const submit = () =>
    startSending(async () => {
      setError(null);
      const result = await inviteMembersAction({
        teamSlug: context.teamSlug,
        invitation: { emails, roleId, groupIds, language, message },
      });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      // A single new invitation comes back with its link; showing it is no copy (nothing is recorded).
      const link: Outcome["link"] = result.link;
      // The outcome is said in the dialog (a status region); a toast would say it twice.
      setOutcome({ summary: result.summary, results: result.results, link });
      onInvited();
    });

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogContent className="max-w-xl">
        <DialogHeader>
          <DialogTitle>Invite users</DialogTitle>
          <DialogDescription>
            They get an email with a link to join. Invitations expire after {context.lifetimeDays}{" "}
            {pluralize("en", context.lifetimeDays, { one: "day", other: "days" })}.
          </DialogDescription>
          {context.seats ? (
            <p className="text-sm text-muted-foreground" data-testid="seat-counter">
              {context.seats.used.toLocaleString("en")} of {context.seats.limit.toLocaleString("en")} seats in use ·{" "}
              {context.seats.free.toLocaleString("en")} free
            </p>
          ) : null}
        </DialogHeader>

        {outcome ? (
          <div className="space-y-4">
            <Alert variant={outcome.results.some((r) => r.outcome === "invited") ? "success" : "default"}>
              {outcome.summary}
            </Alert>
            {outcome.link ? (
              <div className="space-y-2">
                <Label htmlFor="new-invitation-link">Invitation link</Label>
                <div className="flex gap-2">
                  <Input
                    id="new-invitation-link"
                    readOnly
                    value={outcome.link.url}
                    onFocus={(event) => event.currentTarget.select()}
                  />
                  <Button
                    variant="outline"
                    size="icon"
                    aria-label="Copy link"
                    onClick={() => void copyInvitationLink(context.teamSlug, outcome.link!.invitationId)}
                  >
                    <Copy aria-hidden className="size-4" />
                  </Button>
                </div>
              </div>
            ) : null}
            {outcome.results.some((r) => r.outcome !== "invited") ? (
              <div className="space-y-1">
                <p className="text-sm font-medium">Skipped</p>
                <ul className="max-h-48 space-y-1 overflow-y-auto text-sm">
                  {outcome.results
                    .filter((r) => r.outcome !== "invited")
                    .map((r, index) => (
                      <li key={`${r.input}-${index}`} className="flex justify-between gap-3">
                        <span className="break-all">{r.input}</span>
                        <span className="shrink-0 text-muted-foreground">{r.reason}</span>
                      </li>
                    ))}
                </ul>
              </div>
            ) : null}
            <DialogFooter>
              <Button variant="outline" onClick={inviteMore}>
                Invite more
              </Button>
              <Button onClick={() => setOpen(false)}>Done</Button>
            </DialogFooter>
          </div>
        ) : (
          <form
            className="space-y-4"
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
          >
            {error ? <Alert variant="destructive">{error}</Alert> : null}
            <div className="space-y-2">
              <Label htmlFor="invite-emails">Email addresses</Label>
              <Textarea
                id="invite-emails"
                value={emails}
                onChange={(event) => setEmails(event.target.value)}
                rows={4}
                placeholder={"ada@example.com, grace@example.com\nor one per line"}
                aria-describedby="invite-emails-hint"
              />
              <p id="invite-emails-hint" className="text-xs text-muted-foreground">
                One per line, or separated by commas. Up to 500 at once.
                {context.allowedDomains.length > 0 ? ` Allowed domains: ${context.allowedDomains.join(", ")}.` : ""}
              </p>
              <InvitePreview entries={shownPreview.entries} tooMany={shownPreview.tooMany} error={shownPreview.error} />
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField
                id="invite-role"
                label="Role"
                value={roleId}
                onValueChange={setRoleId}
                options={roleOptions(grantable)}
                placeholder="Choose a role"
                className="space-y-2"
              />
              <SelectField
                id="invite-language"
                label="Email language"
                value={language}
                onValueChange={setLanguage}
                options={LANGUAGE_OPTIONS}
                className="space-y-2"
              />
            </div>
            <GroupCheckboxes groups={context.groups} selected={groupIds} onChange={setGroupIds} />
            <div className="space-y-2">
              <Label htmlFor="invite-message">Personal message (optional)</Label>
              <Textarea
                id="invite-message"
                value={message}
                onChange={(event) => setMessage(event.target.value)}
                rows={3}
                maxLength={MAX_INVITATION_MESSAGE_LENGTH}
                aria-describedby="invite-message-hint"
              />
              <p id="invite-message-hint" className="text-xs text-muted-foreground">
                Shown in the email and on the invitation page, as plain text without links. {message.length}/
                {MAX_INVITATION_MESSAGE_LENGTH}
              </p>
            </div>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" pending={sending} disabled={!emails.trim() || !roleId || shownPreview.tooMany}>
                Send invitations{sendable > 1 ? ` (${sendable})` : ""}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

export function InviteButton(props: ComponentProps<typeof Button>) {
  return (
    <Button size="sm" {...props}>
      <UserPlus aria-hidden className="size-4" /> Invite users
    </Button>
  );
}
