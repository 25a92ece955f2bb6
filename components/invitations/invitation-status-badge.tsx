import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { InvitationDisplayStatus } from "@/lib/invitations/status";

const STATUS: Record<InvitationDisplayStatus, { label: string; variant: BadgeVariant }> = {
  PENDING: { label: "Pending", variant: "warning" },
  EXPIRED: { label: "Expired", variant: "muted" },
  ACCEPTED: { label: "Accepted", variant: "success" },
  // Declining is a normal answer, not a fault: neutral, like a withdrawal.
  DECLINED: { label: "Declined", variant: "secondary" },
  WITHDRAWN: { label: "Withdrawn", variant: "outline" },
};

export const STATUS_OPTIONS = Object.entries(STATUS).map(([value, { label }]) => ({ value, label }));

export function InvitationStatusBadge({ status }: { status: InvitationDisplayStatus }) {
  const { label, variant } = STATUS[status];
  return <Badge variant={variant}>{label}</Badge>;
}

const DELIVERY: Record<string, { label: string; variant: BadgeVariant }> = {
  QUEUED: { label: "Queued", variant: "muted" },
  SENT: { label: "Sent", variant: "secondary" },
  DELIVERED: { label: "Delivered", variant: "success" },
  BOUNCED: { label: "Bounced", variant: "destructive" },
  COMPLAINED: { label: "Complained", variant: "destructive" },
  FAILED: { label: "Failed", variant: "destructive" },
};

export function DeliveryBadge({ status, error }: { status: string; error?: string | null }) {
  const { label, variant } = DELIVERY[status] ?? { label: status, variant: "outline" as const };
  return (
    <Badge variant={variant} title={error ?? undefined}>
      {label}
    </Badge>
  );
}
