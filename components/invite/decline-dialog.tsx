"use client";

import { useState, useTransition } from "react";
import { declineInvitationAction } from "@/app/invite/[token]/_actions/decline-invitation-action";
import { Alert } from "@/components/ui/alert";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

type Labels = { decline: string; title: string; description: string; reason: string; confirm: string; cancel: string };

export function DeclineDialog({ token, labels }: { token: string; labels: Labels }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>
        <Button variant="outline" className="w-full">
          {labels.decline}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{labels.title}</AlertDialogTitle>
          <AlertDialogDescription>{labels.description}</AlertDialogDescription>
        </AlertDialogHeader>
        {error ? <Alert variant="destructive">{error}</Alert> : null}
        <div className="space-y-2">
          <Label htmlFor="decline-reason">{labels.reason}</Label>
          <Textarea id="decline-reason" value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} rows={3} />
        </div>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>{labels.cancel}</AlertDialogCancel>
          <Button
            variant="destructive"
            pending={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await declineInvitationAction({ token, reason: reason.trim() || undefined });
                if (result && !result.ok) setError(result.error);
              })
            }
          >
            {labels.confirm}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
