import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { findInvitationByToken } from "@/lib/invitations/find-invitation-by-token";

// The sign-in page cannot read the return cookie (scoped to /invite), so "Sign in to accept"
// leaves a second one scoped to /sign-in: the page shows which invitation the sign-in is for
// without the token (or anything a link could forge) in its URL.
const COOKIE = "teamgate-invitation-sign-in";
const COOKIE_PATH = "/sign-in";

export async function rememberSignInInvitation(token: string) {
  (await cookies()).set(COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.APP_URL.startsWith("https://"),
    path: COOKIE_PATH,
    maxAge: 15 * 60,
  });
}

export async function forgetSignInInvitation() {
  (await cookies()).delete({ name: COOKIE, path: COOKIE_PATH });
}

/** The pending invitation the visitor is signing in for, if they came from one. */
export async function readSignInInvitation() {
  const token = (await cookies()).get(COOKIE)?.value;
  if (!token) return null;
  const view = await findInvitationByToken(token);
  if (view.state !== "PENDING" || view.replacedAt) return null;
  return {
    teamName: view.team.name,
    roleName: view.role.name,
    inviterName: view.inviter?.name ?? null,
    email: view.email,
  };
}
