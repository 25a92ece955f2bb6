"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { resendInvitationAction } from "@/actions/invitations/resend-invitation-action";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { pluralize } from "@/lib/i18n/pluralize";

type Expiring = { id: string; email: string; expiresAt: Date; role: { name: string }; manageable: boolean };

type Props = { teamSlug: string; pendingCount: number; expiring: Expiring[]; inviteButton: React.ReactNode };

/** For admins on the team's home: what is still waiting for an answer, soonest to lapse first. */
export function PendingInvitationsCard({ teamSlug, pendingCount, expiring, inviteButton }: Props) {
  const all = `/teams/${teamSlug}/settings/invitations?status=PENDING&sort=expiresAt&order=asc`;
  return (
    <Card className="space-y-4" aria-labelledby="pending-heading" role="region">
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
        <div className="space-y-1">
          <CardTitle id="pending-heading">Pending invitations</CardTitle>
          <CardDescription>
            {pendingCount === 0
              ? "Nobody is waiting to answer an invitation."
              : `${pendingCount.toLocaleString("en")} ${pluralize("en", pendingCount, { one: "invitation is", other: "invitations are" })} waiting for an answer.`}
          </CardDescription>
        </div>
        {inviteButton}
      </CardHeader>
      {expiring.length > 0 ? (
        <>
          <p className="text-sm font-medium">Expiring first</p>
          <ul className="divide-y rounded-md border">
            {expiring.map((invitation) => (
              <ExpiringRow key={invitation.id} teamSlug={teamSlug} invitation={invitation} />
            ))}
          </ul>
        </>
      ) : null}
      {pendingCount > 0 ? (
        <Link href={all} className="inline-block text-sm underline underline-offset-4">
          See all {pendingCount.toLocaleString("en")} pending{" "}
          {pluralize("en", pendingCount, { one: "invitation", other: "invitations" })}
        </Link>
      ) : null}
    </Card>
  );
}

function ExpiringRow({ teamSlug, invitation }: { teamSlug: string; invitation: Expiring }) {
  const router = useRouter();
  const [busy, startTransition] = useTransition();
  const resend = () =>
    startTransition(async () => {
      const result = await resendInvitationAction({ teamSlug, invitationId: invitation.id });
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      toast.success(`Invitation sent again to ${invitation.email}`);
      router.refresh();
    });
  return (
    <li className="flex items-center gap-3 px-3 py-2 text-sm">
      <div className="min-w-0 flex-1">
        <p className="truncate font-medium" title={invitation.email}>
          {invitation.email}
        </p>
        <p className="text-xs text-muted-foreground">
          {invitation.role.name} · expires <LocalTime value={invitation.expiresAt} relative />
        </p>
      </div>
      {invitation.manageable ? (
        <Button
          variant="outline"
          size="sm"
          pending={busy}
          onClick={resend}
          aria-label={`Resend the invitation to ${invitation.email}`}
        >
          Resend
        </Button>
      ) : null}
    </li>
  );
}
