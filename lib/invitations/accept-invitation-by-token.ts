import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { hashInvitationToken, isWellFormedInvitationToken } from "@/lib/crypto/invitation-token";
import { fail } from "@/lib/result";
import { acceptAsInvitee } from "./accept-as-invitee";
import { INVALID_LINK } from "./answer-refusals";

/** Accept takes only the token: the team and role come from the invitation, never from the request. */
export async function acceptInvitationByToken(actor: Actor | null, token: string) {
  if (!actor) return fail("UNAUTHENTICATED", "Sign in to accept this invitation.");
  if (!isWellFormedInvitationToken(token)) return fail("NOT_FOUND", INVALID_LINK);
  return acceptAsInvitee(actor, { by: "token", tokenHash: hashInvitationToken(token) });
}
