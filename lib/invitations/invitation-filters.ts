import { Prisma } from "@/lib/generated/prisma/client";
import { escapeLikePattern } from "@/lib/db/escape-like-pattern";
import type { InvitationListQuery, InvitationSortKey } from "./schemas";
import type { InvitationDisplayStatus } from "./status";

/** EXPIRED and PENDING are the same stored status split by the database clock. */
function statusCondition(status: InvitationDisplayStatus, now: Date): Prisma.Sql {
  if (status === "PENDING") return Prisma.sql`(i."status" = 'PENDING' AND i."expiresAt" > ${now})`;
  if (status === "EXPIRED") return Prisma.sql`(i."status" = 'PENDING' AND i."expiresAt" <= ${now})`;
  return Prisma.sql`i."status" = CAST(${status} AS "InvitationStatus")`;
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

/**
 * The table's sort, then ties. One send stores the same createdAt on every row and ids are
 * random, so ties break by address (A→Z in both directions, which is what people read) before
 * the id that keeps pages stable.
 */
export function buildInvitationOrderBy(sort: InvitationSortKey, order: "asc" | "desc"): Prisma.Sql {
  const direction = Prisma.raw(order === "desc" ? "DESC" : "ASC");
  const keys: Record<InvitationSortKey, Prisma.Sql[]> = {
    email: [column.email],
    status: [column.status, column.expiresAt],
    role: [column.roleRank, column.createdAt],
    inviter: [column.inviterName, column.createdAt],
    delivery: [column.delivery, column.createdAt],
    expiresAt: [column.expiresAt],
    updatedAt: [column.updatedAt],
    createdAt: [column.createdAt],
    id: [],
  };
  const ordered = keys[sort].map((key) => Prisma.sql`${key} ${direction}`);
  if (sort !== "email" && sort !== "id") ordered.push(Prisma.sql`${column.email} ASC`);
  ordered.push(Prisma.sql`${column.id} ${direction}`);
  return Prisma.join(ordered, ", ");
}
