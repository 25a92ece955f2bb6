"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { acceptInvitationAction } from "@/actions/invitee/accept-invitation-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describeInviteFailure } from "@/lib/i18n/describe-invite-failure";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { callInviteAction } from "./call-invite-action";

/** `autoFocus` when the invitee just signed in to answer: Enter accepts. */
export function AcceptButton({
  token,
  language,
  team,
  autoFocus = false,
}: {
  token: string;
  language: string;
  team: string;
  autoFocus?: boolean;
}) {
  const router = useRouter();
  const t = getCatalogue(language).invitePage;
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      {error ? <Alert variant="destructive">{error}</Alert> : null}
      <Button
        className="w-full"
        autoFocus={autoFocus}
        pending={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await callInviteAction(() => acceptInvitationAction({ token }));
            if (!result || result.ok) return;
            setError(describeInviteFailure(t, result, team));
            if (result.code === "GONE" || result.code === "NOT_FOUND") router.refresh();
          })
        }
      >
        {t.accept}
      </Button>
    </div>
  );
}
