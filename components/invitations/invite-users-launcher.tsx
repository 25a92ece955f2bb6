"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { InvitationOptions } from "./invitation-row";
import { InviteButton, InviteDialog } from "./invite-dialog";

/** The "Invite users" button and its dialog, for pages other than the invitations table. */
export function InviteUsersLauncher({ context }: { context: InvitationOptions }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <>
      <InviteDialog context={context} onInvited={() => router.refresh()} open={open} onOpenChange={setOpen} />
      <InviteButton onClick={() => setOpen(true)} />
    </>
  );
}
