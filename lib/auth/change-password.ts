import "server-only";
import { z } from "zod";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { runTransaction } from "@/lib/db/run-transaction";
import { abortTransaction } from "@/lib/db/transaction-abort";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { fail, type Failure } from "@/lib/result";
import { zodFailure } from "@/lib/validation/zod-failure";
import type { Actor } from "./actor";
import { newPasswordSchema } from "./new-password-schema";
import { hashPassword, verifyPassword } from "./password";
import { revokeUserSessions } from "./revoke-user-sessions";

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, "Enter your current password").max(1024, "Enter your current password"),
  newPassword: newPasswordSchema,
});

/** Wrong current passwords per account per 15 minutes: a stolen session cannot guess its way to the password. */
const ATTEMPTS_PER_WINDOW = 10;
const WINDOW_SECONDS = 15 * 60;

/**
 * A signed-in user's password change: the current password first (counted per account), then
 * the new one (sign-up's rule). The new hash is written only if the stored one is still the one
 * checked (a reset or another change in between wins), and every other session of the user ends
 * in the same transaction; the browser making the change (`sessionId`) stays signed in.
 */
export async function changePassword(
  actor: Actor | null,
  sessionId: string | null,
  input: unknown,
): Promise<{ ok: true; sessionsEnded: number } | Failure> {
  if (!actor || actor.kind !== "user" || !sessionId) return fail("UNAUTHENTICATED", "Sign in to change your password.");
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  if (parsed.data.currentPassword === parsed.data.newPassword) {
    return fail("INVALID", "Choose a password different from the current one.", {
      fieldErrors: { newPassword: ["Choose a password different from the current one"] },
    });
  }

  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (!user) return fail("UNAUTHENTICATED", "Sign in to change your password.");
  const key = `password-change:user:${actor.userId}`;
  const attempt = await consumeRateLimit(db, { key, limit: ATTEMPTS_PER_WINDOW, windowSeconds: WINDOW_SECONDS });
  if (!attempt.allowed)
    return fail("RATE_LIMITED", "Too many attempts. Try again in 15 minutes.", {
      retryAfterSeconds: attempt.resetSeconds,
    });
  if (!user.passwordHash || !(await verifyPassword(parsed.data.currentPassword, user.passwordHash))) {
    return fail("INVALID", "Your current password is not correct.", {
      fieldErrors: { currentPassword: ["Your current password is not correct"] },
    });
  }

  const passwordHash = await hashPassword(parsed.data.newPassword);
  return runTransaction(async (tx) => {
    const changed = await tx.$executeRaw`
      UPDATE "User" SET "passwordHash" = ${passwordHash} WHERE "id" = ${actor.userId}::uuid AND "passwordHash" = ${user.passwordHash}`;
    if (changed === 0)
      abortTransaction(
        fail("CONFLICT", "Your password was changed elsewhere a moment ago. Reload the page and try again."),
      );
    // A reset link asked for earlier would undo this change: spend them.
    await tx.$executeRaw`UPDATE "PasswordResetToken" SET "usedAt" = now() WHERE "userId" = ${actor.userId}::uuid AND "usedAt" IS NULL`;
    const sessionsEnded = await revokeUserSessions(tx, actor.userId, { except: sessionId });
    await recordAuditEvents(tx, [
      {
        teamId: null,
        actorId: actor.userId,
        action: "user.password_changed",
        targetType: "user",
        targetId: actor.userId,
        metadata: { sessionsEnded },
      },
    ]);
    return { ok: true as const, sessionsEnded };
  });
}
