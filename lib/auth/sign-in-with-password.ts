import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { canonicalizeEmail } from "@/lib/email/parse-email";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { createDeviceToken, verifyDeviceToken } from "./device-token";
import { verifyPassword, verifyPasswordAgainstNothing } from "./password";
import { refundSignInAttempts } from "./refund-sign-in-attempts";

export type SignInOutcome =
  | { ok: true; user: { id: string; email: string; name: string }; deviceToken: string }
  | { ok: false; reason: "INVALID_CREDENTIALS" | "TOO_MANY_ATTEMPTS" };

const WINDOW_SECONDS = 15 * 60;

/**
 * Checks a password; attempts are counted per account and per client address before the check,
 * in one atomic step each, so parallel guesses cannot pass the limit. A success gives its count back.
 *
 * The per-account count only covers clients that have not signed in to this account before:
 * a browser holding the device token of an earlier success counts against its own bucket instead.
 * So strangers guessing from many addresses pause the account for new devices only, never for
 * the owner's usual browser (OWASP's "device cookies"); a stolen device token buys no more
 * guesses than the per-account limit, and the per-address limit applies to everyone.
 */
export async function signInWithPassword(
  email: string,
  password: string,
  clientAddress: string,
  deviceToken: string | null = null,
): Promise<SignInOutcome> {
  const canonical = canonicalizeEmail(email).slice(0, 320);
  const device = verifyDeviceToken(deviceToken, canonical);
  const buckets = [
    {
      key: device ? `sign-in:device:${device}` : `sign-in:email:${canonical}`,
      limit: env.SIGN_IN_FAILURES_PER_15_MINUTES,
    },
    { key: `sign-in:ip:${clientAddress}`, limit: env.SIGN_IN_FAILURES_PER_15_MINUTES * 5 },
  ];
  const counted: string[] = [];
  for (const { key, limit } of buckets) {
    const outcome = await consumeRateLimit(db, { key, limit, windowSeconds: WINDOW_SECONDS });
    if (!outcome.allowed) {
      await refundSignInAttempts(counted, WINDOW_SECONDS);
      return { ok: false, reason: "TOO_MANY_ATTEMPTS" };
    }
    counted.push(key);
  }

  const user = await db.user.findUnique({
    where: { emailCanonical: canonical },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const valid = user?.passwordHash
    ? await verifyPassword(password, user.passwordHash)
    : await verifyPasswordAgainstNothing(password);

  if (!valid || !user) return { ok: false, reason: "INVALID_CREDENTIALS" };
  await refundSignInAttempts(counted, WINDOW_SECONDS);
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name },
    deviceToken: device && deviceToken ? deviceToken : createDeviceToken(canonical),
  };
}
