import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { hashInviteLinkToken } from "@/lib/crypto/invite-link-token";
import { runTransaction } from "@/lib/db/run-transaction";
import { fail } from "@/lib/result";
import { joinThroughLink } from "./join-through-link";

/**
 * "Join" on /join/<token>, and `POST /api/v1/invite-links/join`: the signed-in user, or the owner
 * of the API key, joins through the link. No team is named, so no team role gates the key: like
 * accepting an invitation by id, the link and a verified address are what admit the caller.
 */
export async function joinTeamByLink(actor: Actor | null, token: string) {
  if (!actor) return fail("UNAUTHENTICATED", "Sign in to join.");
  const tokenHash = hashInviteLinkToken(token);
  return runTransaction((tx) => joinThroughLink(tx, actor.userId, tokenHash));
}
