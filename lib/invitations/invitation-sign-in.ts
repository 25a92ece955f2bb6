import "server-only";
import { cookies } from "next/headers";
import { isWellFormedInvitationToken } from "@/lib/crypto/invitation-token";
import { env } from "@/lib/env";
import { findInvitationByToken } from "./find-invitation-by-token";

const COOKIE = "teamgate-invitation-return";
const COOKIE_PATH = "/invite";
const COOKIE_MINUTES = 15;

/** Where sign-in sends an invitee back to: it reads the invitation from the cookie, not the URL. */
export const INVITATION_SIGN_IN_RETURN_PATH = "/invite/continue";

/**
 * "Sign in to accept" for an invitee who has an account. The way back to the invitation rides
 * in a short-lived httpOnly cookie scoped to /invite, so the token never appears in the
 * sign-in page's URL (its history entry, logs, or a Referer sent from it); the sign-in page
 * only carries the fixed return path.
 */
export async function startInvitationSignIn(token: string): Promise<string> {
  const invitationPath = `/invite/${encodeURIComponent(token)}`;
  const view = await findInvitationByToken(token);
  if (view.state !== "PENDING" || view.replacedAt || !view.accountExists) return invitationPath;
  (await cookies()).set(COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.APP_URL.startsWith("https://"),
    path: COOKIE_PATH,
    maxAge: COOKIE_MINUTES * 60,
  });
  const query = new URLSearchParams({ callbackUrl: INVITATION_SIGN_IN_RETURN_PATH, email: view.email, locked: "1" });
  return `/sign-in?${query.toString()}`;
}

/** After sign-in: back to the invitation the cookie names (once), or to the received invitations. */
export async function finishInvitationSignIn(): Promise<string> {
  const store = await cookies();
  const token = store.get(COOKIE)?.value;
  if (token === undefined) return "/invitations";
  store.delete({ name: COOKIE, path: COOKIE_PATH });
  return isWellFormedInvitationToken(token) ? `/invite/${token}` : "/invitations";
}
