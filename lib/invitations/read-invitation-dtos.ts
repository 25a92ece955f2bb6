import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/create-client";
import type { KeysetSort } from "@/lib/db/keyset-cursor";
import type { InvitationDto } from "./invitation-dto";
import { deriveInvitationStatus, type StoredStatus } from "./status";

/** The DTO's own columns as they are, its nested objects flat. */
type Row = Pick<
  InvitationDto,
  | "id"
  | "email"
  | "language"
  | "createdAt"
  | "updatedAt"
  | "expiresAt"
  | "respondedAt"
  | "declineReason"
  | "sendCount"
  | "lastSentAt"
> & {
  emailCanonical: string;
  status: StoredStatus;
  deliveryStatus: InvitationDto["delivery"]["status"];
  deliveryError: string | null;
  roleId: string;
  roleKey: string;
  roleName: string;
  roleRank: number;
  inviterId: string | null;
  inviterName: string | null;
  inviterEmail: string | null;
  teamId: string;
  teamName: string;
  teamSlug: string;
  groups: Array<{ id: string; name: string }>;
};

export type InvitationDtoRow = InvitationDto & { emailCanonical: string };

/**
 * A page of invitation rows: the filters, order and page as SQL over the aliases `i`, `r`, `t`
 * and `u` (see invitation-filters.ts); `sortField` names the column a keyset cursor is made of.
 */
export type InvitationRowsQuery = {
  where: Prisma.Sql;
  orderBy: Prisma.Sql;
  limit: number;
  offset?: number;
  sortField?: KeysetSort["field"];
};

/** What reads a page of invitations in one shape or another: readInvitationDtos, readApiInvitations. */
export type InvitationRowReader<R> = (db: Pick<Db, "$queryRaw">, page: InvitationRowsQuery, now: Date) => Promise<R[]>;

/**
 * Every view of invitations but the API reads its page here, in one hand-written statement: the
 * table's filters, order and page come in as SQL fragments (see InvitationRowsQuery).
 * Prisma's relation queries compiled and mapped each page in the client (about half of a list
 * request's CPU in the profile); this statement is prepared once per connection and its rows
 * are flat. The token (hash or sealed) is never selected.
 */
export async function readInvitationDtos(
  db: Pick<Db, "$queryRaw">,
  page: InvitationRowsQuery,
  now: Date,
): Promise<InvitationDtoRow[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT i."id"::text AS "id", i."email", i."emailCanonical", i."status"::text AS "status", i."language",
      i."createdAt", i."updatedAt", i."expiresAt", i."respondedAt", i."declineReason", i."sendCount",
      i."lastSentAt", i."deliveryStatus"::text AS "deliveryStatus", i."deliveryError",
      r."id"::text AS "roleId", r."key" AS "roleKey", r."name" AS "roleName", r."rank" AS "roleRank",
      u."id"::text AS "inviterId", u."name" AS "inviterName", u."email" AS "inviterEmail",
      t."id"::text AS "teamId", t."name" AS "teamName", t."slug" AS "teamSlug",
      COALESCE((
        SELECT json_agg(json_build_object('id', g."id", 'name', g."name"))
        FROM "InvitationGroup" ig JOIN "Group" g ON g."id" = ig."groupId"
        WHERE ig."invitationId" = i."id"
      ), '[]'::json) AS "groups"
    ${invitationRowsSql(page)}`;
  return rows.map((row) => toDto(row, now));
}

/**
 * The rows a page reads, whatever shape it reads them in: the invitation `i` with its role `r`,
 * team `t` and inviter `u`, filtered, ordered and cut to the page. The page size goes into the
 * statement as a literal (a few sizes, so a few prepared statements): as a parameter, PostgreSQL's
 * generic plan had to assume any LIMIT and cost 40× the custom one, so every execution was
 * planned again (0.57 ms of a list's 1.1 ms in PostgreSQL).
 */
export function invitationRowsSql(page: InvitationRowsQuery): Prisma.Sql {
  const { limit, offset } = page;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > 10_001) throw new RangeError(`Invalid page size ${limit}`);
  return Prisma.sql`
    FROM "Invitation" i
    JOIN "Role" r ON r."id" = i."roleId"
    JOIN "Team" t ON t."id" = i."teamId"
    LEFT JOIN "User" u ON u."id" = i."inviterId"
    WHERE ${page.where}
    ORDER BY ${page.orderBy}
    LIMIT ${Prisma.raw(String(limit))} ${offset ? Prisma.sql`OFFSET ${offset}` : Prisma.empty}`;
}

function toDto(row: Row, now: Date): InvitationDtoRow {
  return {
    id: row.id,
    email: row.email,
    emailCanonical: row.emailCanonical,
    status: deriveInvitationStatus(row, now),
    language: row.language,
    role: { id: row.roleId, key: row.roleKey, name: row.roleName, rank: row.roleRank },
    groups: row.groups.sort((a, b) => a.name.localeCompare(b.name)),
    inviter: row.inviterId === null ? null : { id: row.inviterId, name: row.inviterName!, email: row.inviterEmail! },
    team: { id: row.teamId, name: row.teamName, slug: row.teamSlug },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    expiresAt: row.expiresAt,
    respondedAt: row.respondedAt,
    declineReason: row.declineReason,
    sendCount: row.sendCount,
    lastSentAt: row.lastSentAt,
    delivery: { status: row.deliveryStatus, error: row.deliveryError },
  };
}
