"use client";

import { toast } from "sonner";
import { copyText } from "@/components/ui/copy-text";
import { getInvitationLinkAction } from "@/actions/invitations/get-invitation-link-action";

/** Asks the server for the link (the explicit copy-link operation) and puts it on the clipboard. */
export async function copyInvitationLink(teamSlug: string, invitationId: string): Promise<string | null> {
  const result = await getInvitationLinkAction({ teamSlug, invitationId });
  if (!result.ok) {
    toast.error(result.error);
    return null;
  }
  await copyText(result.url);
  return result.url;
}
