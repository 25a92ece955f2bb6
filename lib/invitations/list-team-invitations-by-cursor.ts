import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { readDatabaseNow } from "@/lib/db/database-now";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { buildInvitationWhere } from "./invitation-filters";
import { readInvitationPage } from "./read-invitation-page";
import type { InvitationRowReader } from "./read-invitation-dtos";
import { parsePageCursor, type KeysetSort } from "@/lib/db/keyset-cursor";
import type { InvitationDisplayStatus } from "./status";
import { isUuid } from "@/lib/validation/uuid";

const SORT_FIELDS = { created: "createdAt", email: "emailCanonical", expires: "expiresAt" } as const;

export type TeamInvitationsCursorQuery = {
  status: InvitationDisplayStatus[];
  role: string[];
  q?: string;
  sort: `${"" | "-"}${keyof typeof SORT_FIELDS}`;
  limit: number;
  cursor?: string;
};

/** Cursor pagination over a team's invitations (the API's list): keyset on (sort column, id), rows in `read`'s shape. */
export async function listTeamInvitationsByCursor<R extends { id: string }>(
  actor: Actor | null,
  team: TeamRef,
  query: TeamInvitationsCursorQuery,
  read: InvitationRowReader<R>,
) {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  const descending = query.sort.startsWith("-");
  const sort: KeysetSort = {
    field: SORT_FIELDS[query.sort.replace("-", "") as keyof typeof SORT_FIELDS],
    order: descending ? "desc" : "asc",
  };
  const cursor = parsePageCursor(query.cursor, sort);
  if (!cursor.ok) return cursor;

  const roleIds = query.role.length
    ? (
        await db.role.findMany({
          where: {
            teamId: access.team.id,
            OR: [{ key: { in: query.role } }, { id: { in: query.role.filter(isUuid) } }],
          },
          select: { id: true },
        })
      ).map((r) => r.id)
    : [];
  if (query.role.length && roleIds.length === 0) return { ok: true as const, invitations: [] as R[], next: null };

  const now = await readDatabaseNow(db);
  const where = buildInvitationWhere(
    access.team.id,
    { status: query.status, role: roleIds, inviter: [], q: query.q },
    now,
  );
  const page = await readInvitationPage(db, { where, sort, limit: query.limit, after: cursor.after }, now, read);
  return { ok: true as const, ...page };
}
