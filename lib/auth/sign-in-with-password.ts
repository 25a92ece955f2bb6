import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { canonicalizeEmail } from "@/lib/email/parse-email";
import { consumeRateLimit, peekRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { verifyPassword, verifyPasswordAgainstNothing } from "./password";

export type SignInOutcome =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "INVALID_CREDENTIALS" | "TOO_MANY_ATTEMPTS" };

const WINDOW_SECONDS = 15 * 60;

/** Checks a password; failures are counted per address and per client so guessing is slow. */
export async function signInWithPassword(email: string, password: string, clientAddress: string): Promise<SignInOutcome> {
  const canonical = canonicalizeEmail(email).slice(0, 320);
  const keys = [`sign-in:email:${canonical}`, `sign-in:ip:${clientAddress}`];
  const limits = [env.SIGN_IN_FAILURES_PER_15_MINUTES, env.SIGN_IN_FAILURES_PER_15_MINUTES * 5];

  for (const [index, key] of keys.entries()) {
    const state = await peekRateLimit(db, { key, limit: limits[index]!, windowSeconds: WINDOW_SECONDS });
    if (!state.allowed) return { ok: false, reason: "TOO_MANY_ATTEMPTS" };
  }

  const user = await db.user.findUnique({
    where: { emailCanonical: canonical },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const valid = user?.passwordHash
    ? await verifyPassword(password, user.passwordHash)
    : await verifyPasswordAgainstNothing(password);

  if (!valid || !user) {
    for (const [index, key] of keys.entries()) {
      await consumeRateLimit(db, { key, limit: limits[index]! + 1, windowSeconds: WINDOW_SECONDS });
    }
    return { ok: false, reason: "INVALID_CREDENTIALS" };
  }
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
