import "server-only";
import { db } from "@/lib/db";
import { readDatabaseNow } from "@/lib/db/database-now";

/** Pending invitations addressed to this user and unexpired on the database clock, for the navigation badge. */
export async function countReceivedInvitations(user: { emailCanonical: string }): Promise<number> {
  const now = await readDatabaseNow(db);
  return db.invitation.count({
    where: { emailCanonical: user.emailCanonical, status: "PENDING", expiresAt: { gt: now } },
  });
}
