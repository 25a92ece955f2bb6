import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import { hashInvitationToken, isWellFormedInvitationToken } from "@/lib/crypto/invitation-token";
import { db } from "@/lib/db";
import { readDatabaseNow } from "@/lib/db/database-now";
import { runTransaction } from "@/lib/db/run-transaction";
import { signalOutbox } from "@/lib/email/outbox-signal";
import { abortTransaction } from "@/lib/db/transaction-abort";
import { fail, type Failure } from "@/lib/result";
import { zodFailure } from "@/lib/validation/zod-failure";
import { acceptPendingInvitation, acceptSuccess, type AcceptSuccess } from "./accept-pending-invitation";
import { closePendingInvitation } from "./close-pending-invitation";
import { describeClosedInvitation, type ClosedState } from "./describe-closed-invitation";
import { readInvitationToAnswer, type AnswerTarget, type InvitationToAnswer } from "./read-invitation-to-answer";
import { declineInvitationSchema, invitationIdSchema } from "./schemas";

const INVALID_LINK =
  "This invitation link is not valid. Check that you copied the whole link, or ask for a new invitation.";
const NOT_FOUND = "Invitation not found.";
const UNVERIFIED = "Confirm your email address first, or answer with the link in the invitation email.";

type Invitee = { id: string; email: string; emailCanonical: string; emailVerifiedAt: Date | null };

function readInvitee(userId: string): Promise<Invitee | null> {
  return db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, emailCanonical: true, emailVerifiedAt: true },
  });
}

/** Why a pending-looking read is still not answerable, judged by the (cached) database clock; the write re-checks it. */
async function closedStateOf(invitation: InvitationToAnswer): Promise<ClosedState | null> {
  if (invitation.status !== "PENDING") return invitation.status;
  return invitation.expiresAt <= (await readDatabaseNow(db)) ? "EXPIRED" : null;
}

/**
 * The refusals that need no transaction. Someone else's invitation by id answers not found; by
 * token, a live one says whose it is (the page shows the holder that address anyway) and a dead
 * one only that it is dead, so nothing about its invitee leaks. Your own accept, repeated, is the
 * same success again.
 */
async function refuseBeforeAnswering(
  user: Invitee | null,
  invitation: InvitationToAnswer | null,
  target: AnswerTarget,
  notFound: string,
): Promise<Failure | AcceptSuccess | null> {
  if (!invitation) return fail("NOT_FOUND", notFound);
  if (user && target.by === "id" && invitation.emailCanonical !== user.emailCanonical)
    return fail("NOT_FOUND", notFound);
  if (user && invitation.status === "ACCEPTED" && invitation.responderId === user.id)
    return acceptSuccess(invitation, invitation.role.name, true);
  const closed = await closedStateOf(invitation);
  if (closed) return describeClosedInvitation(closed, { to: "invitee", team: invitation.team.name, notFound });
  return null;
}

async function acceptAs(actor: Actor, target: AnswerTarget, notFound: string, requireVerifiedEmail: boolean) {
  const [user, invitation] = await Promise.all([readInvitee(actor.userId), readInvitationToAnswer(target)]);
  if (!user) return fail("UNAUTHENTICATED", "Sign in to continue.");
  if (requireVerifiedEmail && !user.emailVerifiedAt) return fail("FORBIDDEN", UNVERIFIED);
  const refusal = await refuseBeforeAnswering(user, invitation, target, notFound);
  if (refusal) return refusal;
  if (invitation!.emailCanonical !== user.emailCanonical) {
    return fail("FORBIDDEN", `This invitation is for ${invitation!.email}; you are signed in as ${user.email}.`);
  }
  const result = await runTransaction((tx) => acceptPendingInvitation(tx, user.id, invitation!, target));
  if (result.ok && !result.alreadyMember) signalOutbox();
  return result;
}

/** Accept takes only the token: the team and role come from the invitation, never from the request. */
export async function acceptInvitation(actor: Actor | null, token: string) {
  if (!actor) return fail("UNAUTHENTICATED", "Sign in to accept this invitation.");
  if (!isWellFormedInvitationToken(token)) return fail("NOT_FOUND", INVALID_LINK);
  return acceptAs(actor, { by: "token", tokenHash: hashInvitationToken(token) }, INVALID_LINK, false);
}

/**
 * The caller's own received invitation, by id (received-invitations page and the API); anyone
 * else's answers not found. Without a token nothing proves the inbox, so the account's
 * address must be verified.
 */
export async function acceptReceivedInvitation(actor: Actor | null, invitationId: string) {
  if (!actor) return fail("UNAUTHENTICATED", "Sign in to continue.");
  if (!invitationIdSchema.safeParse(invitationId).success) return fail("NOT_FOUND", NOT_FOUND);
  return acceptAs(actor, { by: "id", id: invitationId }, NOT_FOUND, true);
}

/**
 * Declines under the same conditional close as accept. The invitee may decline; so may someone
 * signed out who holds the link (it proves access to the invited inbox), recorded as "link". A
 * signed-in account that is not the invitee may not.
 */
async function declineAs(
  actor: Actor | null,
  target: AnswerTarget,
  reason: string | undefined,
  notFound: string,
  requireVerifiedEmail: boolean,
) {
  const [user, invitation] = await Promise.all([
    actor ? readInvitee(actor.userId) : null,
    readInvitationToAnswer(target),
  ]);
  if (actor && !user) return fail("UNAUTHENTICATED", "Sign in to continue.");
  if (requireVerifiedEmail && !user?.emailVerifiedAt) return fail("FORBIDDEN", UNVERIFIED);
  const refusal = await refuseBeforeAnswering(user, invitation, target, notFound);
  if (refusal)
    return refusal.ok
      ? describeClosedInvitation("ACCEPTED", { to: "invitee", team: invitation!.team.name, notFound })
      : refusal;
  if (user && invitation!.emailCanonical !== user.emailCanonical) {
    return fail(
      "FORBIDDEN",
      "This invitation is for a different address than the account you are signed in with. Sign in as the invitee, or sign out to decline it with the link.",
    );
  }
  const found = invitation!;
  const ref = { id: found.id, ...(target.by === "token" ? { tokenHash: target.tokenHash } : {}) };
  const result = await runTransaction(async (tx) => {
    const close = await closePendingInvitation(tx, ref, {
      status: "DECLINED",
      responderId: user?.id ?? null,
      declineReason: reason ?? null,
      unexpiredOnly: true,
    });
    if (!close.closed)
      abortTransaction(describeClosedInvitation(close.state, { to: "invitee", team: found.team.name, notFound }));
    await recordAuditEvents(tx, [
      {
        teamId: close.invitation.teamId,
        actorId: user?.id ?? null,
        action: "invitation.declined",
        targetType: "invitation",
        targetId: found.id,
        metadata: { email: close.invitation.email, by: user ? "invitee" : "link", ...(reason ? { reason } : {}) },
      },
    ]);
    return { ok: true as const, invitationId: found.id, team: { name: found.team.name } };
  });
  if (result.ok) signalOutbox();
  return result;
}

export async function declineInvitation(actor: Actor | null, token: string, input: { reason?: string } = {}) {
  if (!isWellFormedInvitationToken(token)) return fail("NOT_FOUND", INVALID_LINK);
  const parsed = declineInvitationSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  return declineAs(
    actor,
    { by: "token", tokenHash: hashInvitationToken(token) },
    parsed.data.reason,
    INVALID_LINK,
    false,
  );
}

export async function declineReceivedInvitation(
  actor: Actor | null,
  invitationId: string,
  input: { reason?: string } = {},
) {
  if (!actor) return fail("UNAUTHENTICATED", "Sign in to continue.");
  if (!invitationIdSchema.safeParse(invitationId).success) return fail("NOT_FOUND", NOT_FOUND);
  const parsed = declineInvitationSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  return declineAs(actor, { by: "id", id: invitationId }, parsed.data.reason, NOT_FOUND, true);
}
