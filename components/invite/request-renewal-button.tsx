"use client";

import { useState, useTransition } from "react";
import { requestRenewalAction } from "@/app/invite/[token]/_actions/request-renewal-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function RequestRenewalButton({ token, label, doneMessage, alreadyRequested }: { token: string; label: string; doneMessage: string; alreadyRequested: boolean }) {
  const [done, setDone] = useState(alreadyRequested);
  const [pending, startTransition] = useTransition();
  if (done) return <Alert variant="success">{doneMessage}</Alert>;
  return (
    <Button
      variant="outline"
      className="w-full"
      pending={pending}
      onClick={() =>
        startTransition(async () => {
          await requestRenewalAction({ token });
          setDone(true);
        })
      }
    >
      {label}
    </Button>
  );
}
