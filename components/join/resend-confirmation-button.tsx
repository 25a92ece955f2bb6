"use client";

import { useState, useTransition } from "react";
import { resendEmailVerificationAction } from "@/actions/invite-links/resend-email-verification-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { getCatalogue } from "@/lib/i18n/catalogues";

/** For a signed-in account whose address is not confirmed yet: a fresh confirmation email. */
export function ResendConfirmationButton({ token, language }: { token: string; language: string }) {
  const t = getCatalogue(language).inviteLinks.join;
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="space-y-3">
      {message ? <Alert variant={message.ok ? "success" : "destructive"}>{message.text}</Alert> : null}
      <Button
        variant="outline"
        className="w-full"
        pending={pending}
        disabled={message?.ok}
        onClick={() =>
          startTransition(async () => {
            try {
              const result = await resendEmailVerificationAction({ token });
              setMessage(
                result.ok ? { ok: true, text: t.confirmationSent(result.email) } : { ok: false, text: result.error },
              );
            } catch {
              setMessage({ ok: false, text: t.requestFailed });
            }
          })
        }
      >
        {t.resendConfirmation}
      </Button>
    </div>
  );
}
