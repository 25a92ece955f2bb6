import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { readDatabaseNow } from "@/lib/db/database-now";
import { Prisma } from "@/lib/generated/prisma/client";
import { fail } from "@/lib/result";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import type { InvitationRowReader } from "./read-invitation-dtos";
import { invitationIdSchema } from "./schemas";

/** One invitation of the team, in `read`'s shape, for a holder of members.manage there. */
export async function findTeamInvitation<R>(
  actor: Actor | null,
  team: TeamRef,
  invitationId: string,
  read: InvitationRowReader<R>,
) {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  if (!invitationIdSchema.safeParse(invitationId).success) return fail("NOT_FOUND", "Invitation not found.");
  const now = await readDatabaseNow(db);
  const [invitation] = await read(
    db,
    {
      where: Prisma.sql`i."id" = ${invitationId}::uuid AND i."teamId" = ${access.team.id}::uuid`,
      orderBy: Prisma.sql`i."id"`,
      limit: 1,
    },
    now,
  );
  if (!invitation) return fail("NOT_FOUND", "Invitation not found.");
  return { ok: true as const, access, invitation };
}
