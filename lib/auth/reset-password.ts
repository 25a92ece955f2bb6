import "server-only";
import { z } from "zod";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { runTransaction } from "@/lib/db/run-transaction";
import { abortTransaction } from "@/lib/db/transaction-abort";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { fail, type Failure } from "@/lib/result";
import { zodFailure } from "@/lib/validation/zod-failure";
import { newPasswordSchema } from "./new-password-schema";
import { hashPassword } from "./password";
import { PASSWORD_RESET_POLICY as POLICY } from "./password-reset-policy";
import { hashPasswordResetToken, isWellFormedPasswordResetToken } from "./password-reset-token";
import { readPasswordResetLink, type PasswordResetLinkState } from "./read-password-reset-link";
import { revokeUserSessions } from "./revoke-user-sessions";

export const resetPasswordSchema = z.strictObject({ password: newPasswordSchema });

export type ResetPasswordFailure = Failure & { linkState?: Exclude<PasswordResetLinkState, "valid"> };

const DEAD: Record<Exclude<PasswordResetLinkState, "valid">, Failure> = {
  invalid: fail(
    "NOT_FOUND",
    "This reset link is not valid. Check that you copied the whole link, or ask for a new one.",
  ),
  used: fail("GONE", "This reset link was already used. Ask for a new one if you need to reset your password again."),
  expired: fail("GONE", "This reset link has expired. Ask for a new one."),
};

const dead = (state: Exclude<PasswordResetLinkState, "valid">): ResetPasswordFailure => ({
  ...DEAD[state],
  linkState: state,
});

/**
 * Sets a new password from a reset link. The link is spent by one conditional UPDATE (unused and
 * unexpired on the database clock), so of two concurrent uses exactly one wins; in the same
 * transaction the password changes, every other link of the account is spent, the address counts
 * as verified (the link proved the inbox) and every session of the user ends. The caller then
 * sends the person to sign in with the new password.
 */
export async function resetPassword(
  token: string,
  input: unknown,
  requester: { clientAddress: string },
): Promise<{ ok: true; email: string } | ResetPasswordFailure> {
  const limited = await consumeRateLimit(db, {
    key: `password-reset:ip:${requester.clientAddress}`,
    limit: POLICY.perClient,
    windowSeconds: POLICY.windowSeconds,
  });
  if (!limited.allowed)
    return fail("RATE_LIMITED", "Too many attempts. Try again later.", { retryAfterSeconds: limited.resetSeconds });
  if (!isWellFormedPasswordResetToken(token)) return dead("invalid");
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);

  // A cheap look first, so a dead link costs no password hashing; the transaction decides.
  const link = await readPasswordResetLink(token);
  if (link.state !== "valid") return dead(link.state);
  const passwordHash = await hashPassword(parsed.data.password);
  const tokenHash = hashPasswordResetToken(token);

  return runTransaction(async (tx) => {
    const spent = await tx.$queryRaw<Array<{ userId: string }>>`
      UPDATE "PasswordResetToken" SET "usedAt" = now()
      WHERE "tokenHash" = ${tokenHash} AND "usedAt" IS NULL AND "expiresAt" > now()
      RETURNING "userId"`;
    const userId = spent[0]?.userId;
    if (!userId) {
      const [row] = await tx.$queryRaw<
        Array<{ used: boolean }>
      >`SELECT ("usedAt" IS NOT NULL) AS "used" FROM "PasswordResetToken" WHERE "tokenHash" = ${tokenHash}`;
      abortTransaction(dead(!row ? "invalid" : row.used ? "used" : "expired"));
    }
    const [user] = await tx.$queryRaw<Array<{ email: string }>>`
      UPDATE "User" SET "passwordHash" = ${passwordHash}, "emailVerifiedAt" = coalesce("emailVerifiedAt", now())
      WHERE "id" = ${userId}::uuid
      RETURNING "email"`;
    await tx.$executeRaw`UPDATE "PasswordResetToken" SET "usedAt" = now() WHERE "userId" = ${userId}::uuid AND "usedAt" IS NULL`;
    const sessionsEnded = await revokeUserSessions(tx, userId);
    await recordAuditEvents(tx, [
      {
        teamId: null,
        actorId: userId,
        action: "user.password_reset",
        targetType: "user",
        targetId: userId,
        metadata: { sessionsEnded },
      },
    ]);
    return { ok: true as const, email: user!.email };
  });
}
