import "server-only";
import { cookies } from "next/headers";
import { isWellFormedInviteLinkToken } from "@/lib/crypto/invite-link-token";
import { env } from "@/lib/env";

const COOKIE = "teamgate-join-return";
const COOKIE_PATH = "/join";
const COOKIE_MINUTES = 15;

/** Where sign-in sends someone back to: the link is read from the cookie, never from the URL. */
export const JOIN_SIGN_IN_RETURN_PATH = "/join/continue";

/**
 * "Sign in to join": like an invitation's, the way back rides in a short-lived httpOnly cookie
 * scoped to /join, so the link's token never appears in the sign-in page's URL, history or logs.
 */
export async function startJoinSignIn(token: string): Promise<string> {
  if (!isWellFormedInviteLinkToken(token)) return `/join/${encodeURIComponent(token)}`;
  (await cookies()).set(COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.APP_URL.startsWith("https://"),
    path: COOKIE_PATH,
    maxAge: COOKIE_MINUTES * 60,
  });
  return `/sign-in?${new URLSearchParams({ callbackUrl: JOIN_SIGN_IN_RETURN_PATH }).toString()}`;
}

/** After sign-in: back to the link the cookie names (once), or home. */
export async function finishJoinSignIn(): Promise<string> {
  const store = await cookies();
  const token = store.get(COOKIE)?.value;
  store.delete({ name: COOKIE, path: COOKIE_PATH });
  return token && isWellFormedInviteLinkToken(token) ? `/join/${token}` : "/";
}
