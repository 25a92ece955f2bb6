import "server-only";
import { decode, encode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { parseSessionClaims } from "./parse-session-claims";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS, SESSION_RENEW_AFTER_SECONDS } from "./session-lifetime";

/**
 * Sliding sessions: a session token older than SESSION_RENEW_AFTER_SECONDS is re-issued with a
 * fresh idle lifetime, never past the absolute one. No database read: a revoked token may be
 * renewed, but getCurrentUser still refuses it.
 */
export async function renewSessionCookie(
  value: string | undefined,
  nowSeconds: number,
): Promise<{ value: string; maxAge: number } | null> {
  if (!value) return null;
  const token = await decode({ token: value, secret: env.AUTH_SECRET }).catch(() => null);
  const claims = parseSessionClaims(token);
  if (!token || !claims || typeof token.iat !== "number" || nowSeconds - token.iat < SESSION_RENEW_AFTER_SECONDS)
    return null;
  const maxAge = Math.min(SESSION_IDLE_SECONDS, claims.authTime + SESSION_ABSOLUTE_SECONDS - nowSeconds);
  if (maxAge <= 0) return null;
  return { value: await encode({ token, secret: env.AUTH_SECRET, maxAge }), maxAge };
}
