import type { InvitationDto } from "@/lib/invitations/invitation-dto";
import type { InvitationActions } from "@/lib/permissions/invitation-actions";

/** One table row: the invitation DTO as the server sent it, with what the viewer may do to it. */
export type InvitationRow = InvitationDto & { can: InvitationActions };

export type TableOption = { value: string; label: string };

/** What the invitations table and the invite dialog offer beside the rows (`loadInvitationOptions`). */
export type InvitationOptions = {
  teamSlug: string;
  roles: Array<{ id: string; name: string; rank: number }>;
  /** The roles the viewer may grant, highest first (the server applied `canGrantRole`). */
  grantableRoles: Array<{ id: string; name: string }>;
  inviters: TableOption[];
  groups: Array<{ id: string; name: string }>;
  allowedDomains: string[];
  /** The team's invitation lifetime (General settings). */
  lifetimeDays: number;
  /** Seats in use (members plus pending invitations) of the team's limit; null without a limit. */
  seats: { limit: number; used: number; free: number } | null;
};
