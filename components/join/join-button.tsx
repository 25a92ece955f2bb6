"use client";

import { unstable_rethrow, useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { joinTeamByLinkAction } from "@/actions/invite-links/join-team-by-link-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { getCatalogue } from "@/lib/i18n/catalogues";

/** One click for a signed-in, verified visitor; the action redirects to the team. */
export function JoinButton({ token, language }: { token: string; language: string }) {
  const t = getCatalogue(language).inviteLinks.join;
  const router = useRouter();
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
            try {
              const result = await joinTeamByLinkAction({ token });
              if (!result || result.ok) return;
              setError(result.error);
              // The link died meanwhile: the page now says why.
              if (result.code === "GONE" || result.code === "NOT_FOUND") router.refresh();
            } catch (caught) {
              unstable_rethrow(caught);
              setError(t.requestFailed);
            }
          })
        }
      >
        {t.join}
      </Button>
    </div>
  );
}
