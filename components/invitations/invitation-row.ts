import type { InvitationDto } from "@/lib/invitations/invitation-dto";

/** One table row: the invitation DTO as the server sent it. */
export type InvitationRow = InvitationDto;

export type TableOption = { value: string; label: string };

export type InvitationTableContext = {
  teamSlug: string;
  roles: Array<{ id: string; name: string; rank: number }>;
  inviters: TableOption[];
  groups: Array<{ id: string; name: string }>;
  allowedDomains: string[];
  lifetimeDays: number;
  /** The viewer's role rank: invitations above it can't be managed by them. */
  viewerRank: number;
};
