"use client";

import { useState, useTransition } from "react";
import { acceptInvitationAction } from "@/app/invite/[token]/_actions/accept-invitation-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function AcceptButton({ token, label }: { token: string; label: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      {error ? <Alert variant="destructive">{error}</Alert> : null}
      <Button
        className="w-full"
        pending={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await acceptInvitationAction({ token });
            if (result && !result.ok) setError(result.error);
          })
        }
      >
        {label}
      </Button>
    </div>
  );
}
