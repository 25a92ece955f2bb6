import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { readSessionClaims } from "./read-session-claims";
import { isSessionCurrent } from "./session-lifetime";

export type CurrentUser = { id: string; email: string; emailCanonical: string; name: string };

/**
 * The signed-in user, read from the database on every request: a deleted user, or a session
 * revoked since (sign-out, removal from every team) or past its absolute lifetime, is signed out.
 * The version check rides on the user read each request already makes.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await readSessionClaims();
  if (!claims) return null;
  const user = await db.user.findUnique({
    where: { id: claims.userId },
    select: { id: true, email: true, emailCanonical: true, name: true, sessionVersion: true },
  });
  if (!user || !isSessionCurrent(claims, user, Math.floor(Date.now() / 1000))) return null;
  return { id: user.id, email: user.email, emailCanonical: user.emailCanonical, name: user.name };
});

/** For pages: the signed-in user, or a redirect to sign in that comes back here. */
export async function requireCurrentUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
