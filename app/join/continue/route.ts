import { redirect } from "next/navigation";
import { finishJoinSignIn } from "@/lib/invite-links/join-sign-in";

export const dynamic = "force-dynamic";

/** Where sign-in returns someone who came from an invite link. */
export async function GET() {
  redirect(await finishJoinSignIn());
}
