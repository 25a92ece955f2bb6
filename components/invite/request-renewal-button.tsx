"use client";

import { useState, useTransition } from "react";
import { requestRenewalAction } from "@/actions/invitee/request-renewal-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describeInviteFailure } from "@/lib/i18n/describe-invite-failure";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { callInviteAction } from "./call-invite-action";

type Props = { token: string; language: string; team: string; alreadyRequested: boolean };

/** "Ask for a new invitation": success only when the server said so; a failure says why and lets them try again. */
export function RequestRenewalButton({ token, language, team, alreadyRequested }: Props) {
  const t = getCatalogue(language).invitePage;
  const [done, setDone] = useState(alreadyRequested);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (done) return <Alert variant="success">{t.renewalRequested}</Alert>;
  return (
    <div className="space-y-3">
      {error ? <Alert variant="destructive">{error}</Alert> : null}
      <Button
        variant="outline"
        className="w-full"
        pending={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await callInviteAction(() => requestRenewalAction({ token }));
            if (result.ok) {
              setDone(true);
              return;
            }
            setError(result.code === "UNREACHABLE" ? t.renewalFailed : describeInviteFailure(t, result, team));
          })
        }
      >
        {t.askForNew}
      </Button>
    </div>
  );
}
