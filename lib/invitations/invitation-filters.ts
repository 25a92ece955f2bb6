import { Prisma } from "@/lib/generated/prisma/client";
import { escapeLikePattern } from "@/lib/db/escape-like-pattern";
import type { InvitationDtoRow } from "./read-invitation-dtos";
import type { InvitationListQuery, InvitationSortKey } from "./schemas";
import type { InvitationDisplayStatus } from "./status";

/** EXPIRED and PENDING are the same stored status split by the database clock. */
function statusCondition(status: InvitationDisplayStatus, now: Date): Prisma.Sql {
  if (status === "PENDING") return Prisma.sql`(i."status" = 'PENDING' AND i."expiresAt" > ${now})`;
  if (status === "EXPIRED") return Prisma.sql`(i."status" = 'PENDING' AND i."expiresAt" <= ${now})`;
  return Prisma.sql`i."status" = CAST(${status} AS "InvitationStatus")`;
}

/** deriveInvitationStatus in SQL, over `"Invitation" i`: the display status as text. */
export function displayStatusSql(now: Date): Prisma.Sql {
  return Prisma.sql`CASE WHEN i."status" = 'PENDING' AND i."expiresAt" <= ${now} THEN 'EXPIRED' ELSE i."status"::text END`;
}

/** The table's filters as a condition over `"Invitation" i` (see readInvitationDtos). */
export function buildInvitationWhere(
  teamId: string,
  query: Pick<InvitationListQuery, "status" | "role" | "inviter" | "q">,
  now: Date,
): Prisma.Sql {
  const and: Prisma.Sql[] = [Prisma.sql`i."teamId" = ${teamId}::uuid`];
  if (query.status.length > 0)
    and.push(
      Prisma.sql`(${Prisma.join(
        query.status.map((status) => statusCondition(status, now)),
        " OR ",
      )})`,
    );
  if (query.role.length > 0) and.push(Prisma.sql`i."roleId" = ANY(${query.role}::uuid[])`);
  if (query.inviter.length > 0) and.push(Prisma.sql`i."inviterId" = ANY(${query.inviter}::uuid[])`);
  if (query.q) and.push(Prisma.sql`i."emailCanonical" LIKE ${`%${escapeLikePattern(query.q.toLowerCase())}%`}`);
  return Prisma.join(and, " AND ");
}

const column = {
  email: Prisma.raw(`i."emailCanonical"`),
  status: Prisma.raw(`i."status"`),
  expiresAt: Prisma.raw(`i."expiresAt"`),
  createdAt: Prisma.raw(`i."createdAt"`),
  updatedAt: Prisma.raw(`i."updatedAt"`),
  delivery: Prisma.raw(`i."deliveryStatus"`),
  roleRank: Prisma.raw(`r."rank"`),
  inviterName: Prisma.raw(`u."name"`),
  id: Prisma.raw(`i."id"`),
};
type SortColumn = keyof typeof column;

/**
 * The table's sort, then ties. One send stores the same createdAt on every row and ids are
 * random, so ties break by address (A→Z in both directions, which is what people read) before
 * the id that keeps pages stable.
 */
function sortColumns(sort: InvitationSortKey, order: "asc" | "desc") {
  const keys: Record<InvitationSortKey, SortColumn[]> = {
    email: ["email"],
    status: ["status", "expiresAt"],
    role: ["roleRank", "createdAt"],
    inviter: ["inviterName", "createdAt"],
    delivery: ["delivery", "createdAt"],
    expiresAt: ["expiresAt"],
    updatedAt: ["updatedAt"],
    createdAt: ["createdAt"],
    id: [],
  };
  const ordered = keys[sort].map((key) => ({ key, order }));
  if (sort !== "email" && sort !== "id") ordered.push({ key: "email", order: "asc" });
  ordered.push({ key: "id", order });
  return ordered;
}

export function buildInvitationOrderBy(sort: InvitationSortKey, order: "asc" | "desc"): Prisma.Sql {
  return Prisma.join(
    sortColumns(sort, order).map(
      ({ key, order }) => Prisma.sql`${column[key]} ${Prisma.raw(order === "desc" ? "DESC" : "ASC")}`,
    ),
    ", ",
  );
}

/** A row's value in each sort column, as the database compares it (the stored status, not the derived one). */
function sortValue(row: InvitationDtoRow, key: SortColumn): Prisma.Sql {
  switch (key) {
    case "email":
      return Prisma.sql`${row.emailCanonical}::text`;
    case "status":
      return Prisma.sql`CAST(${row.status === "EXPIRED" ? "PENDING" : row.status} AS "InvitationStatus")`;
    case "delivery":
      return Prisma.sql`CAST(${row.delivery.status} AS "DeliveryStatus")`;
    case "roleRank":
      return Prisma.sql`${row.role.rank}::int`;
    case "inviterName":
      return Prisma.sql`${row.inviter?.name ?? null}::text`;
    case "id":
      return Prisma.sql`${row.id}::uuid`;
    default:
      return Prisma.sql`${row[key]}::timestamptz`;
  }
}

/**
 * Rows after `last` in the table's own order (buildInvitationOrderBy), for reading every page of
 * any sort by keyset: (c1 after v1) OR (c1 = v1 AND c2 after v2) OR … Only the inviter's name can
 * be null (an inviter deleted since); PostgreSQL sorts nulls last ascending and first descending.
 */
export function buildInvitationAfter(sort: InvitationSortKey, order: "asc" | "desc", last: InvitationDtoRow) {
  const columns = sortColumns(sort, order);
  const isNull = (key: SortColumn) => key === "inviterName" && !last.inviter;
  const equal = (key: SortColumn) =>
    isNull(key) ? Prisma.sql`${column[key]} IS NULL` : Prisma.sql`${column[key]} = ${sortValue(last, key)}`;
  const after = ({ key, order }: { key: SortColumn; order: "asc" | "desc" }) => {
    if (isNull(key)) return order === "asc" ? Prisma.sql`FALSE` : Prisma.sql`${column[key]} IS NOT NULL`;
    const beyond =
      order === "asc"
        ? Prisma.sql`${column[key]} > ${sortValue(last, key)}`
        : Prisma.sql`${column[key]} < ${sortValue(last, key)}`;
    return key === "inviterName" && order === "asc" ? Prisma.sql`(${beyond} OR ${column[key]} IS NULL)` : beyond;
  };
  const branches = columns.map((current, index) =>
    Prisma.join([...columns.slice(0, index).map(({ key }) => equal(key)), after(current)], " AND "),
  );
  return Prisma.sql`(${Prisma.join(branches, " OR ")})`;
}
