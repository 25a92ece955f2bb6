import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { hashInviteLinkToken } from "@/lib/crypto/invite-link-token";
import { db } from "@/lib/db";
import { readDatabaseNow } from "@/lib/db/database-now";
import { runTransaction } from "@/lib/db/run-transaction";
import { abortTransaction } from "@/lib/db/transaction-abort";
import { signalOutbox } from "@/lib/email/outbox-signal";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { fail } from "@/lib/result";
import { describeDeadLink } from "./describe-dead-link";
import { INVITE_LINK_POLICY as POLICY } from "./invite-link-policy";
import { deriveInviteLinkStatus, emailFitsLinkDomain } from "./invite-link-status";
import { queueEmailVerification } from "./queue-email-verification";

/**
 * "Email me a new confirmation link" for a signed-in account that is not verified yet (the first
 * email was lost, or expired), from a link that still works: to the account's own address only,
 * a few times an hour.
 */
export async function resendEmailVerification(actor: Actor | null, token: string, language: string) {
  if (!actor) return fail("UNAUTHENTICATED", "Sign in to continue.");
  if (actor.kind !== "user") return fail("FORBIDDEN", "Confirm your address from the app.");
  const [user, link, now] = await Promise.all([
    db.user.findUnique({
      where: { id: actor.userId },
      select: { email: true, emailCanonical: true, emailVerifiedAt: true },
    }),
    db.inviteLink.findUnique({
      where: { tokenHash: hashInviteLinkToken(token) },
      select: { id: true, revokedAt: true, expiresAt: true, uses: true, maxUses: true, allowedDomain: true },
    }),
    readDatabaseNow(db),
  ]);
  if (!user) return fail("UNAUTHENTICATED", "Sign in to continue.");
  if (user.emailVerifiedAt) return fail("CONFLICT", "Your address is already confirmed.");
  if (!link) return describeDeadLink("INVALID");
  const status = deriveInviteLinkStatus(link, now);
  if (status !== "ACTIVE") return describeDeadLink(status);
  if (!emailFitsLinkDomain(user.emailCanonical, link.allowedDomain)) return describeDeadLink("WRONG_DOMAIN");
  const result = await runTransaction(async (tx) => {
    await queueEmailVerification(tx, { userId: actor.userId, inviteLinkId: link.id, to: user.email, language });
    const quota = await consumeRateLimit(tx, {
      key: `email-verification:${actor.userId}`,
      limit: POLICY.verificationEmailsPerHour,
      windowSeconds: 3600,
    });
    if (!quota.allowed)
      abortTransaction(
        fail("RATE_LIMITED", "We already sent several confirmation links. Check your inbox, or try again later.", {
          retryAfterSeconds: quota.resetSeconds,
        }),
      );
    return { ok: true as const, email: user.email };
  });
  if (result.ok) signalOutbox();
  return result;
}
