import { redirect } from "next/navigation";
import { finishInvitationSignIn } from "@/lib/invitations/invitation-sign-in";

export const dynamic = "force-dynamic";

/** Where sign-in returns an invitee: back to the invitation remembered by startInvitationSignIn. */
export async function GET() {
  redirect(await finishInvitationSignIn());
}
