import "server-only";
import { db } from "@/lib/db";

/** How the invitee names the invitation: the link's token, or its id (received invitations, the API). */
export type AnswerTarget = { by: "token"; tokenHash: string } | { by: "id"; id: string };

/**
 * The invitation an invitee is answering, read without a lock before the transaction: what it
 * shows decides the cheap refusals, and the transaction's conditional write decides the rest.
 */
export function readInvitationToAnswer(target: AnswerTarget) {
  return db.invitation.findFirst({
    relationLoadStrategy: "join",
    where: target.by === "token" ? { tokenHash: target.tokenHash } : { id: target.id },
    select: {
      id: true,
      email: true,
      emailCanonical: true,
      status: true,
      expiresAt: true,
      responderId: true,
      language: true,
      team: { select: { id: true, name: true, slug: true, seatLimit: true } },
      role: { select: { name: true } },
    },
  });
}

export type InvitationToAnswer = NonNullable<Awaited<ReturnType<typeof readInvitationToAnswer>>>;
