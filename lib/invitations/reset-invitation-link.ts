import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { TeamRef } from "@/lib/teams/authorize-team";
import { reissueInvitation } from "./reissue-invitation";

/**
 * "Reset link": a new link, emailed, with the lifetime restarted. Every earlier link stops
 * working at once and, when opened, says it was replaced (and offers to email the current one
 * to the invitation's own address). Pending or expired invitations only.
 */
export async function resetInvitationLink(actor: Actor | null, team: TeamRef, invitationId: string) {
  return reissueInvitation(actor, team, invitationId, { rotate: true });
}
