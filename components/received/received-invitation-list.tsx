"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { acceptReceivedInvitationAction } from "@/actions/invitee/accept-received-invitation-action";
import { declineReceivedInvitationAction } from "@/actions/invitee/decline-received-invitation-action";
import { Button } from "@/components/ui/button";
import { DeclineDialog } from "@/components/ui/decline-dialog";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";

type Item = {
  id: string;
  teamName: string;
  teamSlug: string;
  roleName: string;
  inviterName: string | null;
  expiresAt: string;
};

export function ReceivedInvitationList({ invitations }: { invitations: Item[] }) {
  return (
    <ul className="space-y-3">
      {invitations.map((invitation) => (
        <li key={invitation.id}>
          <ReceivedInvitationRow invitation={invitation} />
        </li>
      ))}
    </ul>
  );
}

function ReceivedInvitationRow({ invitation }: { invitation: Item }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const accept = () =>
    startTransition(async () => {
      const result = await acceptReceivedInvitationAction({ invitationId: invitation.id }).catch(() => null);
      if (!result) {
        toast.error("That didn't go through. Check your connection and try again.");
        return;
      }
      if (!result.ok) {
        toast.error(result.error);
        router.refresh();
        return;
      }
      toast.success(`You joined ${invitation.teamName} as ${invitation.roleName}.`);
      router.push(`/teams/${invitation.teamSlug}?joined=new`);
    });

  const decline = async (reason: string | undefined) => {
    const result = await declineReceivedInvitationAction({ invitationId: invitation.id, reason }).catch(() => null);
    if (!result) return "That didn't go through. Check your connection and try again.";
    if (!result.ok) return result.error;
    toast.success(`You declined the invitation to ${invitation.teamName}.`);
    router.refresh();
    return null;
  };

  return (
    <Card className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
      <div>
        <p className="font-medium">{invitation.teamName}</p>
        <p className="text-sm text-muted-foreground">
          {invitation.roleName}
          {invitation.inviterName ? ` · invited by ${invitation.inviterName}` : ""} · expires{" "}
          <LocalTime value={invitation.expiresAt} relative />
        </p>
      </div>
      <div className="flex gap-2">
        <Button size="sm" pending={pending} onClick={accept} aria-label={`Accept invitation to ${invitation.teamName}`}>
          Accept
        </Button>
        <DeclineDialog
          trigger={
            <Button
              size="sm"
              variant="outline"
              disabled={pending}
              aria-label={`Decline invitation to ${invitation.teamName}`}
            >
              Decline
            </Button>
          }
          labels={{
            title: `Decline the invitation to ${invitation.teamName}?`,
            description: `${invitation.teamName} will see that you declined. You can add a reason if you like.`,
            reason: "Reason (optional)",
            confirm: "Decline invitation",
            cancel: "Cancel",
          }}
          onDecline={decline}
        />
      </div>
    </Card>
  );
}
