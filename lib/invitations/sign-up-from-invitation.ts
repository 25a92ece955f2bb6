import "server-only";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { newPasswordSchema } from "@/lib/auth/new-password-schema";
import { signalOutbox } from "@/lib/email/outbox-signal";
import { hashInvitationToken, isWellFormedInvitationToken } from "@/lib/crypto/invitation-token";
import { db } from "@/lib/db";
import { readDatabaseNow } from "@/lib/db/database-now";
import { fail } from "@/lib/result";
import { zodFailure } from "@/lib/validation/zod-failure";
import { runTransaction } from "@/lib/db/run-transaction";
import { abortTransaction } from "@/lib/db/transaction-abort";
import { ACCEPT_ATTEMPTS, ACCEPT_KEPT_CHANGING, acceptPendingInvitation } from "./accept-pending-invitation";
import { readInvitationToAnswer } from "./read-invitation-to-answer";

export const signUpFromInvitationSchema = z.strictObject({
  name: z.string().trim().min(1, "Enter your name").max(100, "Keep your name under 100 characters"),
  password: newPasswordSchema,
});

const INVALID_LINK = "This invitation link is not valid.";
const DEAD = "This invitation can no longer be accepted.";

/**
 * Creates the invitee's account from a pending invitation and accepts it, in one transaction:
 * if the invitation can't be accepted (withdrawn, expired, the inviter can't grant the role
 * any more, no free seat), no account is left behind. The address is the invitation's own
 * (the link proves the inbox, so it counts as verified); nobody can choose another one here.
 */
export async function signUpFromInvitation(token: string, input: unknown) {
  const parsed = signUpFromInvitationSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  if (!isWellFormedInvitationToken(token)) return fail("NOT_FOUND", INVALID_LINK);
  const target = { by: "token", tokenHash: hashInvitationToken(token) } as const;

  // A cheap look first, so a dead link costs no password hashing; the transaction decides.
  const [first, now] = await Promise.all([readInvitationToAnswer(target), readDatabaseNow(db)]);
  if (!first) return fail("NOT_FOUND", INVALID_LINK);
  if (first.status !== "PENDING" || first.expiresAt <= now) return fail("GONE", DEAD);
  const passwordHash = await hashPassword(parsed.data.password);

  let invitation = first;
  let result;
  for (let attempt = 1; ; attempt += 1) {
    // The account speaks the invitation's language until its owner signs in from a browser.
    result = await runTransaction(async (tx) => {
      const created = await tx.$queryRaw<Array<{ id: string; email: string }>>`
        INSERT INTO "User" ("id", "email", "emailCanonical", "name", "passwordHash", "emailVerifiedAt", "language", "createdAt")
        VALUES (gen_random_uuid(), ${invitation.email}, ${invitation.emailCanonical}, ${parsed.data.name}, ${passwordHash}, now(), ${invitation.language}, now())
        ON CONFLICT ("emailCanonical") DO NOTHING
        RETURNING "id", "email"`;
      const user = created[0];
      if (!user)
        abortTransaction(
          fail("CONFLICT", "An account for this address already exists. Sign in to accept the invitation."),
        );
      const accepted = await acceptPendingInvitation(tx, user.id, invitation, target);
      // The invitation or its inviter changed since the read: no account is kept; read again.
      if (!accepted) abortTransaction(ACCEPT_KEPT_CHANGING);
      return { ...accepted, email: user.email };
    });
    if (result !== ACCEPT_KEPT_CHANGING || attempt === ACCEPT_ATTEMPTS) break;
    const again = await readInvitationToAnswer(target);
    if (!again) return fail("NOT_FOUND", INVALID_LINK);
    invitation = again;
  }
  if (result.ok) signalOutbox();
  return result;
}
