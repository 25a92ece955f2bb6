import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { hashInviteLinkToken } from "@/lib/crypto/invite-link-token";
import { runTransaction } from "@/lib/db/run-transaction";
import { fail } from "@/lib/result";
import { joinThroughLink } from "./join-through-link";

/** "Join" on /join/<token>: the signed-in user (a session, never an API key) joins through the link. */
export async function joinTeamByLink(actor: Actor | null, token: string) {
  if (!actor) return fail("UNAUTHENTICATED", "Sign in to join.");
  if (actor.kind !== "user") return fail("FORBIDDEN", "Join through a link from the app.");
  const tokenHash = hashInviteLinkToken(token);
  return runTransaction((tx) => joinThroughLink(tx, actor.userId, tokenHash));
}
