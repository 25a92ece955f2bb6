import { redirect } from "next/navigation";
import { finishInvitationSignIn } from "@/lib/invitations/invitation-sign-in";
import { forgetSignInInvitation } from "../_lib/sign-in-invitation";

export const dynamic = "force-dynamic";

/** Where sign-in returns an invitee: back to the invitation remembered by startInvitationSignIn. */
export async function GET() {
  const target = await finishInvitationSignIn();
  await forgetSignInInvitation();
  // Back on the invitation, Accept has the focus: one key press finishes what sign-in interrupted.
  redirect(target.startsWith("/invite/") ? `${target}?signedIn=1` : target);
}
