export const INVITATION_STATUSES = ["PENDING", "EXPIRED", "ACCEPTED", "DECLINED", "WITHDRAWN"] as const;
export type InvitationDisplayStatus = (typeof INVITATION_STATUSES)[number];

export type StoredStatus = "PENDING" | "ACCEPTED" | "DECLINED" | "WITHDRAWN";

/** EXPIRED is never stored: a pending invitation past its expiry is expired. */
export function deriveInvitationStatus(
  invitation: { status: StoredStatus; expiresAt: Date },
  now: Date,
): InvitationDisplayStatus {
  if (invitation.status === "PENDING" && invitation.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  return invitation.status;
}

export function isInvitationStatus(value: string): value is InvitationDisplayStatus {
  return (INVITATION_STATUSES as readonly string[]).includes(value);
}
