import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { parseSessionClaims } from "./parse-session-claims";
import { SESSION_COOKIE } from "./session-cookie";
import type { SessionClaims } from "./session-lifetime";

/**
 * The session token's claims from the request's cookie: decrypted and checked for expiry, with
 * no database read (getCurrentUser compares the version against the user's row it reads anyway).
 */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const value = (await cookies()).get(SESSION_COOKIE.name)?.value;
  if (!value) return null;
  const token = await decode({ token: value, secret: env.AUTH_SECRET }).catch(() => null);
  return token ? parseSessionClaims(token) : null;
}
