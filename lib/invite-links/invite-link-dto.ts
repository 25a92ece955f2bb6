import type { InviteLinkStatus } from "./invite-link-status";

/** What the admin sees of a link: never its token or hash ("copy link" asks the server for the URL). */
export type InviteLinkDto = {
  id: string;
  role: { id: string; name: string; key: string; builtIn: boolean };
  allowedDomain: string | null;
  uses: number;
  maxUses: number;
  expiresAt: Date;
  revokedAt: Date | null;
  createdAt: Date;
  createdBy: { name: string; email: string } | null;
  status: InviteLinkStatus;
};

export type InviteLinkJoinDto = { userId: string; name: string; email: string; joinedAt: Date };
