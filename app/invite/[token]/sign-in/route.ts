import { redirect } from "next/navigation";
import { startInvitationSignIn } from "@/lib/invitations/invitation-sign-in";
import { rememberSignInInvitation } from "../../_lib/sign-in-invitation";

export const dynamic = "force-dynamic";

/** "Sign in to accept": remembers the invitation in a cookie, then goes to sign-in without the token in its URL. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const target = await startInvitationSignIn(token);
  if (target.startsWith("/sign-in")) await rememberSignInInvitation(token);
  redirect(target);
}
