import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { z } from "zod";
import { env } from "@/lib/env";
import { DEVICE_COOKIE } from "./device-cookie";
import { parseClientAddress } from "./parse-client-address";
import { parseSessionClaims } from "./parse-session-claims";
import { readCookieHeader } from "./read-cookie-header";
import { rememberUserLanguage } from "./remember-user-language";
import { createUserSession } from "./create-user-session";
import { endUserSession } from "./end-user-session";
import { SESSION_IDLE_SECONDS, SESSION_RENEW_AFTER_SECONDS } from "./session-lifetime";
import { signInWithPassword } from "./sign-in-with-password";

/** Anything else (a NUL, a control character, a megabyte) is a failed sign-in like a wrong password. */
const credentialsSchema = z.object({
  email: z
    .string()
    .min(1)
    .max(320)
    .regex(/^[^\u0000-\u001f\u007f]+$/),
  password: z.string().min(1).max(1024),
});

type RequestHeaders = Record<string, unknown> | undefined;

function clientAddressOf(headers: RequestHeaders): string {
  const forwarded = headers?.["x-forwarded-for"];
  return parseClientAddress(typeof forwarded === "string" ? forwarded : null, env.TRUSTED_PROXY_HOPS);
}

async function authorizePassword(credentials: unknown, headers: RequestHeaders) {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  let outcome;
  try {
    outcome = await signInWithPassword(
      email,
      password,
      clientAddressOf(headers),
      readCookieHeader(headers?.cookie, DEVICE_COOKIE.name),
    );
  } catch (error) {
    // next-auth would put the message in the redirect URL: log the kind server-side, send a fixed code.
    console.error("Sign-in failed unexpectedly:", error instanceof Error ? error.name : typeof error);
    throw new Error("SignInUnavailable");
  }
  if (outcome.ok) {
    (await cookies()).set(DEVICE_COOKIE.name, outcome.deviceToken, DEVICE_COOKIE.options);
    const acceptLanguage = headers?.["accept-language"];
    await rememberUserLanguage(outcome.user.id, typeof acceptLanguage === "string" ? acceptLanguage : null);
    return { ...outcome.user, sessionId: await createUserSession(outcome.user.id) };
  }
  if (outcome.reason === "TOO_MANY_ATTEMPTS") throw new Error("TooManyAttempts");
  return null;
}

export const authOptions: NextAuthOptions = {
  secret: env.AUTH_SECRET,
  // A JWT that slides: re-issued while in use (proxy.ts, /api/auth/session), dead after the idle
  // time, and refused by getCurrentUser once revoked or past its absolute lifetime.
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS, updateAge: SESSION_RENEW_AFTER_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      id: "password",
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: (credentials, request) => authorizePassword(credentials, request?.headers),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = user.sessionId;
        token.authTime = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user = { ...session.user, id: token.sub };
      return session;
    },
  },
  events: {
    // Signing out ends the session on the server too, not only in this browser's cookie.
    async signOut({ token }) {
      const claims = parseSessionClaims(token);
      if (claims) await endUserSession(claims.sessionId);
    },
  },
};
