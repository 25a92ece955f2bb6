import type { Metadata } from "next";
import { Inbox } from "lucide-react";
import { notFound } from "next/navigation";
import { ReceivedInvitationList } from "@/components/received/received-invitation-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireCurrentUser } from "@/lib/auth/current-user";
import { toDisplayText } from "@/lib/email/display-text";
import { listReceivedInvitations } from "@/lib/invitations/list-received-invitations";
import { readInvitationDtos } from "@/lib/invitations/read-invitation-dtos";

export const metadata: Metadata = { title: "Your invitations" };

export default async function ReceivedInvitationsPage() {
  const user = await requireCurrentUser("/invitations");
  const result = await listReceivedInvitations({ kind: "user", userId: user.id }, { limit: 200 }, readInvitationDtos);
  if (!result.ok) notFound();
  return (
    <div className="space-y-6">
      <PageHeader title="Your invitations" description={`Pending invitations for ${user.email}`} />
      {result.invitations.length === 0 ? (
        <EmptyState
          icon={<Inbox aria-hidden className="size-8" />}
          title="No pending invitations"
          description="When a team invites you, it shows up here."
        />
      ) : (
        <ReceivedInvitationList
          invitations={result.invitations.map((i) => ({
            id: i.id,
            teamName: toDisplayText(i.team.name, 80, { breakLinks: false }),
            teamSlug: i.team.slug,
            roleName: i.role.name,
            inviterName: i.inviter ? toDisplayText(i.inviter.name, 80, { breakLinks: false }) : null,
            expiresAt: i.expiresAt.toISOString(),
          }))}
        />
      )}
    </div>
  );
}
