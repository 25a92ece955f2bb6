import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { hashInvitationToken, isWellFormedInvitationToken } from "@/lib/crypto/invitation-token";
import { db } from "@/lib/db";
import { fail } from "@/lib/result";
import { acceptInvitationWhere, declineInvitationWhere } from "./respond-to-invitation";
import { declineInvitationSchema, invitationIdSchema } from "./schemas";
import { zodFailure } from "@/lib/validation/zod-failure";

const INVALID_LINK = "This invitation link is not valid. Check that you copied the whole link, or ask for a new invitation.";
const NOT_FOUND = "Invitation not found.";

/** Accept takes only the token: the team and role come from the invitation, never from the request. */
export async function acceptInvitation(actor: Actor | null, token: string) {
  if (!actor) return fail("UNAUTHENTICATED", "Sign in to accept this invitation.");
  if (!isWellFormedInvitationToken(token)) return fail("NOT_FOUND", INVALID_LINK);
  return acceptInvitationWhere(actor.userId, { tokenHash: hashInvitationToken(token) }, INVALID_LINK);
}

/** Holding the link is enough to decline: it proves access to the invited inbox. */
export async function declineInvitation(actor: Actor | null, token: string, input: { reason?: string } = {}) {
  if (!isWellFormedInvitationToken(token)) return fail("NOT_FOUND", INVALID_LINK);
  const parsed = declineInvitationSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  return declineInvitationWhere(actor?.userId ?? null, { tokenHash: hashInvitationToken(token) }, parsed.data.reason, INVALID_LINK);
}

const UNVERIFIED = "Confirm your email address first, or answer with the link in the invitation email.";

async function ownInvitationWhere(actor: Actor, invitationId: string) {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { emailCanonical: true, emailVerifiedAt: true } });
  if (!user) return fail("UNAUTHENTICATED", "Sign in to continue.");
  if (!user.emailVerifiedAt) return fail("FORBIDDEN", UNVERIFIED);
  return { ok: true as const, where: { id: invitationId, emailCanonical: user.emailCanonical } };
}

/**
 * The caller's own received invitation, by id (received-invitations page and the API); anyone
 * else's answers not found. Without a token nothing proves the inbox, so the account's
 * address must be verified.
 */
export async function acceptReceivedInvitation(actor: Actor | null, invitationId: string) {
  if (!actor) return fail("UNAUTHENTICATED", "Sign in to continue.");
  if (!invitationIdSchema.safeParse(invitationId).success) return fail("NOT_FOUND", NOT_FOUND);
  return acceptInvitationWhere(actor.userId, (user) => ({ id: invitationId, emailCanonical: user.emailCanonical }), NOT_FOUND, {
    requireVerifiedEmail: true,
  });
}

export async function declineReceivedInvitation(actor: Actor | null, invitationId: string, input: { reason?: string } = {}) {
  if (!actor) return fail("UNAUTHENTICATED", "Sign in to continue.");
  if (!invitationIdSchema.safeParse(invitationId).success) return fail("NOT_FOUND", NOT_FOUND);
  const parsed = declineInvitationSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  const own = await ownInvitationWhere(actor, invitationId);
  if (!own.ok) return own;
  return declineInvitationWhere(actor.userId, own.where, parsed.data.reason, NOT_FOUND);
}
