import "server-only";
import { db } from "@/lib/db";

/** Pending, unexpired invitations addressed to this user, for the navigation badge. */
export async function countReceivedInvitations(user: { emailCanonical: string }): Promise<number> {
  return db.invitation.count({
    where: { emailCanonical: user.emailCanonical, status: "PENDING", expiresAt: { gt: new Date() } },
  });
}
