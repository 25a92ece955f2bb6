import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { readSessionClaims } from "./read-session-claims";

export type CurrentUser = { id: string; email: string; emailCanonical: string; name: string };

/**
 * The signed-in user, read from the database on every request through the session's row: a
 * session signed out, revoked (removal from every team) or past its absolute lifetime is gone,
 * and so is a deleted user. One indexed read, as reading the user alone was.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await readSessionClaims();
  if (!claims) return null;
  const session = await db.userSession.findUnique({
    where: { id: claims.sessionId },
    select: {
      userId: true,
      expiresAt: true,
      user: { select: { id: true, email: true, emailCanonical: true, name: true } },
    },
  });
  if (!session || session.userId !== claims.userId || session.expiresAt.getTime() <= Date.now()) return null;
  return session.user;
});

/** For pages: the signed-in user, or a redirect to sign in that comes back here. */
export async function requireCurrentUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
