import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { runTransaction } from "@/lib/db/run-transaction";
import { signalOutbox } from "@/lib/email/outbox-signal";
import { canonicalizeEmail, parseEmail } from "@/lib/email/parse-email";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { fail, type Failure } from "@/lib/result";
import { zodFailure } from "@/lib/validation/zod-failure";
import { PASSWORD_RESET_POLICY as POLICY } from "./password-reset-policy";
import { derivePasswordResetToken, hashPasswordResetToken } from "./password-reset-token";

export const requestPasswordResetSchema = z.strictObject({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address")
    .max(254, "Enter a shorter address")
    .refine((value) => parseEmail(value).ok, "Enter a valid email address"),
});

/**
 * Every request that passes the rate limits answers after at least this long, whether an
 * account exists or not: the known-account path's extra writes hide inside it.
 */
export const PASSWORD_RESET_ANSWER_MS = 350;

export const PASSWORD_RESET_EMAIL_KIND = "password_reset";

/**
 * "Forgot password?": one answer for every address (`{ ok: true }`), so nobody learns whether
 * an account exists, and the same time for both (PASSWORD_RESET_ANSWER_MS). For an existing
 * account it writes a reset row (its token is derived from the id and never stored; the row
 * keeps the token's hash) and the email to the account's own address, in one transaction.
 * Limits: per client address and per address asked about (known or not), shared by every
 * instance; only these refuse, with when to retry.
 */
export async function requestPasswordReset(
  input: unknown,
  requester: { clientAddress: string; language: string },
): Promise<{ ok: true } | Failure> {
  const parsed = requestPasswordResetSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  const started = performance.now();
  const canonical = canonicalizeEmail(parsed.data.email);

  for (const [key, limit] of [
    [`password-reset:ip:${requester.clientAddress}`, POLICY.perClient],
    [`password-reset:email:${canonical}`, POLICY.perAddress],
  ] as const) {
    const outcome = await consumeRateLimit(db, { key, limit, windowSeconds: POLICY.windowSeconds });
    if (!outcome.allowed) {
      const minutes = Math.ceil(outcome.resetSeconds / 60);
      return fail(
        "RATE_LIMITED",
        `Too many reset requests. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
        {
          retryAfterSeconds: outcome.resetSeconds,
        },
      );
    }
  }

  const resetId = randomUUID();
  const written = await runTransaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: string }>>`
      WITH account AS (
        SELECT "id", "email" FROM "User" WHERE "emailCanonical" = ${canonical}
      ), reset AS (
        INSERT INTO "PasswordResetToken" ("id", "userId", "tokenHash", "expiresAt")
        SELECT ${resetId}::uuid, account."id", ${hashPasswordResetToken(derivePasswordResetToken(resetId))}, now() + make_interval(mins => ${POLICY.lifetimeMinutes}::int)
        FROM account
        RETURNING "id"
      )
      INSERT INTO "EmailOutbox" ("id", "passwordResetId", "kind", "to", "payload", "idempotencyKey")
      SELECT gen_random_uuid(), reset."id", ${PASSWORD_RESET_EMAIL_KIND}, account."email",
        jsonb_build_object('language', ${requester.language}::text), 'password-reset/' || reset."id"::text
      FROM reset, account
      RETURNING "id"`;
    return rows.length > 0;
  });
  if (written === true) signalOutbox();
  const answer = typeof written === "object" ? written : ({ ok: true } as const);
  await new Promise((resolve) =>
    setTimeout(resolve, Math.max(0, started + PASSWORD_RESET_ANSWER_MS - performance.now())),
  );
  return answer;
}
