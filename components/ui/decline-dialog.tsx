"use client";

import { useId, useState, useTransition, type ReactElement } from "react";
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

export type DeclineLabels = { title: string; description: string; reason: string; confirm: string; cancel: string };

type Props = {
  /** The button that opens the dialog; focus returns to it when the dialog closes. */
  trigger: ReactElement;
  labels: DeclineLabels;
  /** Declines with the optional reason; resolves to an error message in words, or null when done. */
  onDecline: (reason: string | undefined) => Promise<string | null>;
};

/** Declining asks first and takes an optional reason, which the team's admins see. */
export function DeclineDialog({ trigger, labels, onDecline }: Props) {
  const reasonId = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setError(null);
      }}
    >
      <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{labels.title}</AlertDialogTitle>
          <AlertDialogDescription>{labels.description}</AlertDialogDescription>
        </AlertDialogHeader>
        {error ? <Alert variant="destructive">{error}</Alert> : null}
        <div className="space-y-2">
          <Label htmlFor={reasonId}>{labels.reason}</Label>
          <Textarea
            id={reasonId}
            value={reason}
            maxLength={500}
            onChange={(event) => setReason(event.target.value)}
            rows={3}
          />
        </div>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>{labels.cancel}</AlertDialogCancel>
          <Button
            variant="destructive"
            pending={pending}
            onClick={() =>
              startTransition(async () => {
                const failure = await onDecline(reason.trim() || undefined);
                setError(failure);
                if (!failure) setOpen(false);
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
