import "server-only";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { runTransaction } from "@/lib/db/run-transaction";
import { abortTransaction } from "@/lib/db/transaction-abort";
import { fail } from "@/lib/result";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { inviteLinkIdSchema } from "./invite-link-schemas";
import { readInviteLinkDtos } from "./read-invite-link-dtos";

/**
 * Stops a link at once: one conditional UPDATE scoped by team (a join in flight either raised
 * `uses` before it, or finds the link revoked). Revoking twice is a conflict, not a second event.
 */
export async function revokeInviteLink(actor: Actor | null, team: TeamRef, linkId: unknown) {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  const id = inviteLinkIdSchema.safeParse(linkId);
  if (!id.success) return fail("NOT_FOUND", "Invite link not found.");
  return runTransaction(async (tx) => {
    const revoked = await tx.$queryRaw<Array<{ roleName: string }>>`
      UPDATE "InviteLink" l SET "revokedAt" = now()
      FROM "Role" r
      WHERE l."id" = ${id.data}::uuid AND l."teamId" = ${access.team.id}::uuid AND l."revokedAt" IS NULL AND r."id" = l."roleId"
      RETURNING r."name" AS "roleName"`;
    if (revoked.length === 0) {
      const exists = await tx.inviteLink.findFirst({
        where: { id: id.data, teamId: access.team.id },
        select: { id: true },
      });
      abortTransaction(
        exists ? fail("CONFLICT", "This link is already revoked.") : fail("NOT_FOUND", "Invite link not found."),
      );
    }
    await recordAuditEvents(tx, [
      {
        teamId: access.team.id,
        actorId: access.membership.userId,
        action: "invite_link.revoked",
        targetType: "invite_link",
        targetId: id.data,
        metadata: { role: revoked[0]!.roleName },
      },
    ]);
    const [link] = await readInviteLinkDtos(tx, access.team.id, id.data);
    return { ok: true as const, link: link! };
  });
}
