"use client";

import { formatDistanceToNow } from "date-fns";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import {
  acceptReceivedInvitationAction,
  declineReceivedInvitationAction,
} from "@/app/(app)/invitations/_actions/respond-received-invitation-action";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

type Item = { id: string; teamName: string; teamSlug: string; roleName: string; inviterName: string | null; expiresAt: string };

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

  const respond = (kind: "accept" | "decline") =>
    startTransition(async () => {
      const action = kind === "accept" ? acceptReceivedInvitationAction : declineReceivedInvitationAction;
      const result = await action({ invitationId: invitation.id });
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      if (kind === "accept") {
        toast.success(`You joined ${invitation.teamName} as ${invitation.roleName}.`);
        router.push(`/teams/${invitation.teamSlug}?joined=new`);
      } else {
        toast.success(`You declined the invitation to ${invitation.teamName}.`);
        router.refresh();
      }
    });

  return (
    <Card className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
      <div>
        <p className="font-medium">{invitation.teamName}</p>
        <p className="text-sm text-muted-foreground">
          {invitation.roleName}
          {invitation.inviterName ? ` · invited by ${invitation.inviterName}` : ""} · expires{" "}
          {formatDistanceToNow(new Date(invitation.expiresAt), { addSuffix: true })}
        </p>
      </div>
      <div className="flex gap-2">
        <Button size="sm" pending={pending} onClick={() => respond("accept")} aria-label={`Accept invitation to ${invitation.teamName}`}>
          Accept
        </Button>
        <Button size="sm" variant="outline" disabled={pending} onClick={() => respond("decline")} aria-label={`Decline invitation to ${invitation.teamName}`}>
          Decline
        </Button>
      </div>
    </Card>
  );
}
