/** Why a link does or does not let someone in; never stored, always derived. */
export const INVITE_LINK_STATUSES = ["ACTIVE", "REVOKED", "EXPIRED", "USED_UP"] as const;
export type InviteLinkStatus = (typeof INVITE_LINK_STATUSES)[number];

export type InviteLinkState = { revokedAt: Date | null; expiresAt: Date; uses: number; maxUses: number };

/** Revoked wins over expired, expired over used up: the first reason the admin caused or could foresee. */
export function deriveInviteLinkStatus(link: InviteLinkState, now: Date): InviteLinkStatus {
  if (link.revokedAt) return "REVOKED";
  if (link.expiresAt <= now) return "EXPIRED";
  if (link.uses >= link.maxUses) return "USED_UP";
  return "ACTIVE";
}

/** A link limited to a domain admits that exact domain only (canonical addresses are lower-case ASCII). */
export function emailFitsLinkDomain(emailCanonical: string, allowedDomain: string | null): boolean {
  if (!allowedDomain) return true;
  return emailCanonical.slice(emailCanonical.lastIndexOf("@") + 1) === allowedDomain;
}
