import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { readDatabaseNow } from "@/lib/db/database-now";
import { fail } from "@/lib/result";
import { invitationDtoSelect, toInvitationDto } from "./invitation-dto";

/** Pending, unexpired invitations to any team, addressed to the actor's email. */
export async function listReceivedInvitations(actor: Actor | null) {
  if (!actor) return fail("UNAUTHENTICATED", "Sign in to continue.");
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { emailCanonical: true } });
  if (!user) return fail("UNAUTHENTICATED", "Sign in to continue.");
  const now = await readDatabaseNow(db);
  const rows = await db.invitation.findMany({
    relationLoadStrategy: "join",
    where: { emailCanonical: user.emailCanonical, status: "PENDING", expiresAt: { gt: now } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: invitationDtoSelect,
  });
  return { ok: true as const, invitations: rows.map((row) => toInvitationDto(row, now)) };
}
