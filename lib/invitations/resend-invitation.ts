import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { TeamRef } from "@/lib/teams/authorize-team";
import { reissueInvitation } from "./reissue-invitation";

/**
 * "Resend": the same link again, by email, with the lifetime restarted. Every earlier email's
 * link keeps working. Pending or expired invitations only.
 */
export async function resendInvitation(actor: Actor | null, team: TeamRef, invitationId: string) {
  return reissueInvitation(actor, team, invitationId, { rotate: false });
}
