"use client";

import { useState, useTransition } from "react";
import { emailCurrentLinkAction } from "@/actions/invitee/email-current-link-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describeInviteFailure } from "@/lib/i18n/describe-invite-failure";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { callInviteAction } from "./call-invite-action";

type Props = { token: string; language: string; team: string };

/**
 * "Email me the current link", on a link a reset replaced. The server answers alike whether or
 * not it sent anything, so the confirmation says where the email goes, not that it went.
 */
export function EmailCurrentLinkButton({ token, language, team }: Props) {
  const t = getCatalogue(language).invitePage;
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (done) return <Alert variant="success">{t.currentLinkSent}</Alert>;
  return (
    <div className="space-y-3">
      {error ? <Alert variant="destructive">{error}</Alert> : null}
      <Button
        className="w-full"
        pending={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await callInviteAction(() => emailCurrentLinkAction({ token }));
            if (result.ok) {
              setDone(true);
              return;
            }
            setError(result.code === "UNREACHABLE" ? t.currentLinkFailed : describeInviteFailure(t, result, team));
          })
        }
      >
        {t.emailCurrentLink}
      </Button>
    </div>
  );
}
