import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { fail } from "@/lib/result";
import { acceptAsInvitee } from "./accept-as-invitee";
import { NOT_FOUND } from "./answer-refusals";
import { invitationIdSchema } from "./schemas";

/**
 * The caller's own received invitation, by id (received-invitations page and the API); anyone
 * else's answers not found. Without a token nothing proves the inbox, so the account's
 * address must be verified.
 */
export async function acceptInvitationById(actor: Actor | null, invitationId: string) {
  if (!actor) return fail("UNAUTHENTICATED", "Sign in to continue.");
  if (!invitationIdSchema.safeParse(invitationId).success) return fail("NOT_FOUND", NOT_FOUND);
  return acceptAsInvitee(actor, { by: "id", id: invitationId });
}
