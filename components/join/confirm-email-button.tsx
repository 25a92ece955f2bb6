"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { confirmEmailAndJoinAction } from "@/actions/invite-links/confirm-email-and-join-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { getCatalogue } from "@/lib/i18n/catalogues";

/**
 * The POST behind the emailed link (mail scanners only GET it). Once confirmed and joined, the
 * team's page: it asks a browser that is not signed in to sign in first, and comes back.
 */
export function ConfirmEmailButton({ token, language }: { token: string; language: string }) {
  const t = getCatalogue(language).inviteLinks.join;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ variant: "destructive" | "default"; text: string } | null>(null);
  const [done, setDone] = useState(false);
  return (
    <div className="space-y-3">
      {message ? <Alert variant={message.variant}>{message.text}</Alert> : null}
      {done ? null : (
        <Button
          className="w-full"
          pending={pending}
          onClick={() =>
            startTransition(async () => {
              let result;
              try {
                result = await confirmEmailAndJoinAction({ token });
              } catch {
                setMessage({ variant: "destructive", text: t.requestFailed });
                return;
              }
              if (!result.ok) {
                setMessage({ variant: "destructive", text: t.confirmInvalid });
                setDone(result.code === "NOT_FOUND");
                return;
              }
              setDone(true);
              if (result.joined.ok) router.push(`/teams/${result.joined.teamSlug}?joined=new`);
              else setMessage({ variant: "default", text: t.confirmedNotJoined(result.joined.error) });
            })
          }
        >
          {t.confirm}
        </Button>
      )}
    </div>
  );
}
