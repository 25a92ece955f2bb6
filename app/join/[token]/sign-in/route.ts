import { redirect } from "next/navigation";
import { startJoinSignIn } from "@/lib/invite-links/join-sign-in";

export const dynamic = "force-dynamic";

/** "Sign in to join": remembers the link in a cookie, then goes to sign-in without the token in its URL. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  redirect(await startJoinSignIn(token));
}
