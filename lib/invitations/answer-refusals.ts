import "server-only";
import { db } from "@/lib/db";
import { readDatabaseNow } from "@/lib/db/database-now";
import { fail, type Failure } from "@/lib/result";
import { acceptSuccess, type AcceptSuccess } from "./accept-pending-invitation";
import { describeClosedInvitation, type ClosedState } from "./describe-closed-invitation";
import type { AnswerTarget, InvitationToAnswer, Invitee } from "./read-invitation-to-answer";

export const INVALID_LINK =
  "This invitation link is not valid. Check that you copied the whole link, or ask for a new invitation.";
export const NOT_FOUND = "Invitation not found.";
const UNVERIFIED = "Confirm your email address first, or answer with the link in the invitation email.";

/** What a missing invitation is called: a link that is not valid, or (by id) an invitation not found. */
export function notFoundMessage(target: AnswerTarget) {
  return target.by === "token" ? INVALID_LINK : NOT_FOUND;
}

/** Without a token nothing proves the inbox, so answering by id needs a verified address. */
export function refuseUnverified(target: AnswerTarget, user: Invitee | null): Failure | null {
  return target.by === "id" && !user?.emailVerifiedAt ? fail("FORBIDDEN", UNVERIFIED) : null;
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
export async function refuseBeforeAnswering(
  user: Invitee | null,
  invitation: InvitationToAnswer | null,
  target: AnswerTarget,
): Promise<Failure | AcceptSuccess | null> {
  const notFound = notFoundMessage(target);
  if (!invitation) return fail("NOT_FOUND", notFound);
  if (user && target.by === "id" && invitation.emailCanonical !== user.emailCanonical)
    return fail("NOT_FOUND", notFound);
  if (user && invitation.status === "ACCEPTED" && invitation.responderId === user.id)
    return acceptSuccess(invitation, invitation.role.name, true);
  const closed = await closedStateOf(invitation);
  if (closed) return describeClosedInvitation(closed, { to: "invitee", team: invitation.team.name, notFound });
  return null;
}
