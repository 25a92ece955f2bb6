import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { readDatabaseNow } from "@/lib/db/database-now";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TeamRef } from "@/lib/teams/authorize-team";
import { authorizeTeam } from "@/lib/teams/authorize-team";
import { allowedInvitationActions } from "@/lib/permissions/invitation-actions";
import { storableInput } from "@/lib/validation/storable-input";
import { zodFailure } from "@/lib/validation/zod-failure";
import { buildInvitationOrderBy, buildInvitationWhere } from "./invitation-filters";
import { readInvitationDtos } from "./read-invitation-dtos";
import { invitationListQuerySchema } from "./schemas";

/**
 * Counting stops here so a page costs the same at 100,000 invitations as at 1,000; past it the
 * table says "10,000+" and asks for a filter, as offset pages that deep help nobody.
 */
export const INVITATION_COUNT_LIMIT = 10_000;

/** Counts at most INVITATION_COUNT_LIMIT + 1 rows, in the team index's order, so the scan stops early. */
async function countInvitations(where: Prisma.Sql) {
  const [row] = await db.$queryRaw<Array<{ count: number }>>`
    SELECT count(*)::int AS "count" FROM (
      SELECT 1 FROM "Invitation" i WHERE ${where}
      ORDER BY i."createdAt" DESC, i."id" DESC LIMIT ${INVITATION_COUNT_LIMIT + 1}
    ) AS counted`;
  return row?.count ?? 0;
}

/** One page of a team's invitations: filtered, sorted and paged in the database. */
export async function listTeamInvitationsByOffset(actor: Actor | null, team: TeamRef, rawQuery: unknown) {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  // The page cleans its URL first; a direct call with text PostgreSQL cannot hold is INVALID, not a 500.
  const parsed = storableInput(invitationListQuerySchema).safeParse(rawQuery ?? {});
  if (!parsed.success) return zodFailure(parsed.error);
  const query = parsed.data;
  const now = await readDatabaseNow(db);
  const where = buildInvitationWhere(access.team.id, query, now);

  const readPage = (page: number) => {
    const offset = (page - 1) * query.perPage;
    if (offset >= INVITATION_COUNT_LIMIT) return Promise.resolve([]);
    return readInvitationDtos(
      db,
      { where, orderBy: buildInvitationOrderBy(query.sort, query.order), limit: query.perPage, offset },
      now,
    );
  };
  const [firstRead, counted] = await Promise.all([readPage(query.page), countInvitations(where)]);
  const totalIsCapped = counted > INVITATION_COUNT_LIMIT;
  const total = Math.min(counted, INVITATION_COUNT_LIMIT);
  // A page past the end (an old link, or the last row of the last page just deleted) shows the last page instead.
  const lastPage = Math.max(1, Math.ceil(total / query.perPage));
  let rows = firstRead;
  if (rows.length === 0 && query.page > lastPage) {
    query.page = lastPage;
    rows = await readPage(lastPage);
  }
  // Only an empty filtered result needs to know whether the team has any invitations at all.
  const filtered = query.status.length + query.role.length + query.inviter.length > 0 || !!query.q;
  const teamHasInvitations =
    total > 0 ||
    (filtered && (await db.invitation.findFirst({ where: { teamId: access.team.id }, select: { id: true } })) !== null);
  return {
    ok: true as const,
    access,
    query,
    // Each row says what the viewer may do to it; the table's menu only reads this.
    invitations: rows.map((dto) => ({ ...dto, can: allowedInvitationActions(access.role, dto) })),
    total,
    totalIsCapped,
    teamHasInvitations,
    pageCount: lastPage,
  };
}
