"use client";

import { useRouter } from "next/navigation";
import { declineInvitationAction } from "@/actions/invitee/decline-invitation-action";
import { Button } from "@/components/ui/button";
import { describeFieldErrors, describeInviteFailure } from "@/lib/i18n/describe-invite-failure";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { callInviteAction } from "./call-invite-action";
import { DeclineDialog } from "@/components/ui/decline-dialog";

/** The invitation page's Decline: by token, in the invitation's language; success redirects to the confirmation. */
export function InviteDeclineDialog({ token, language, team }: { token: string; language: string; team: string }) {
  const router = useRouter();
  const t = getCatalogue(language).invitePage;
  return (
    <DeclineDialog
      trigger={
        <Button variant="outline" className="w-full">
          {t.decline}
        </Button>
      }
      labels={{
        title: t.declineTitle,
        description: t.declineDescription(team),
        reason: t.declineReason,
        confirm: t.declineConfirm,
        cancel: t.cancel,
      }}
      onDecline={async (reason) => {
        const result = await callInviteAction(() => declineInvitationAction({ token, reason }));
        if (!result || result.ok) return null;
        // The invitation died meanwhile: the page itself says how, in its language.
        if (result.code === "GONE" || result.code === "NOT_FOUND") router.refresh();
        return describeFieldErrors(t, result.fieldErrors).reason ?? describeInviteFailure(t, result, team);
      }}
    />
  );
}
