import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/create-client";
import { jsonObjectSql, jsonPlainStringSql, jsonValueSql } from "@/lib/db/json-text-sql";
import type { KeysetSort } from "@/lib/db/keyset-cursor";
import { displayStatusSql } from "@/lib/invitations/invitation-filters";
import { invitationRowsSql, type InvitationRowsQuery } from "@/lib/invitations/read-invitation-dtos";

/** A public Invitation object (apiInvitationSchema) as JSON text, with what a page's cursor needs. */
export type ApiInvitationRow = { id: string; json: string } & Partial<Record<KeysetSort["field"], string>>;

/** toISOString's format: UTC, milliseconds, Z. */
const isoText = (column: string) =>
  Prisma.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** The page's sort value, for its cursor; a time as the text encodeCursor would make of it. */
const SORT_COLUMNS = {
  createdAt: Prisma.sql`${isoText(`i."createdAt"`)} AS "createdAt"`,
  emailCanonical: Prisma.raw(`i."emailCanonical" AS "emailCanonical"`),
  expiresAt: Prisma.sql`${isoText(`i."expiresAt"`)} AS "expiresAt"`,
} as const;

/**
 * The API's one home for the public Invitation object: PostgreSQL builds each row's JSON
 * (json-text-sql.ts), and the route sends the text as it comes. Mapping a page of 100 rows in
 * Node (a Date parsed and formatted back per timestamp, two objects and a stringify per row) was
 * half of an API list's server CPU (bench/analysis.md). Most invitations have no groups, and the EXISTS probe is half
 * the cost of aggregating nothing. The rows are readInvitationDtos's (invitationRowsSql); the
 * token (hash or sealed) is never selected.
 */
export async function readApiInvitations(
  db: Pick<Db, "$queryRaw">,
  page: InvitationRowsQuery,
  now: Date,
): Promise<ApiInvitationRow[]> {
  const plain = (column: string) => jsonPlainStringSql(Prisma.raw(column));
  const value = (column: string) => jsonValueSql(Prisma.raw(column));
  const json = jsonObjectSql({
    id: plain(`i."id"`),
    created: jsonPlainStringSql(isoText(`i."createdAt"`)),
    lastModified: jsonPlainStringSql(isoText(`i."updatedAt"`)),
    status: jsonPlainStringSql(displayStatusSql(now)),
    email: value(`i."email"`),
    role: jsonObjectSql({ id: plain(`r."id"`), key: value(`r."key"`), name: value(`r."name"`) }),
    groups: Prisma.sql`CASE WHEN EXISTS (SELECT FROM "InvitationGroup" ig WHERE ig."invitationId" = i."id") THEN (
        SELECT json_agg(json_build_object('id', g."id", 'name', g."name") ORDER BY g."name", g."id")::text
        FROM "InvitationGroup" ig JOIN "Group" g ON g."id" = ig."groupId"
        WHERE ig."invitationId" = i."id"
      ) ELSE '[]' END`,
    language: value(`i."language"`),
    expires: jsonPlainStringSql(isoText(`i."expiresAt"`)),
    delivery: jsonObjectSql({ status: plain(`i."deliveryStatus"`), lastError: value(`i."deliveryError"`) }),
    creator: Prisma.sql`CASE WHEN u."id" IS NULL THEN 'null' ELSE ${jsonObjectSql({
      id: plain(`u."id"`),
      name: value(`u."name"`),
      email: value(`u."email"`),
    })} END`,
    team: jsonObjectSql({ id: plain(`t."id"`), name: value(`t."name"`), slug: value(`t."slug"`) }),
  });
  return db.$queryRaw<ApiInvitationRow[]>`
    SELECT i."id"::text AS "id", ${page.sortField ? Prisma.sql`${SORT_COLUMNS[page.sortField]},` : Prisma.empty}
      ${json} AS "json"
    ${invitationRowsSql(page)}`;
}

/** A list's body: the rows' JSON as PostgreSQL wrote it, and the next page's cursor. */
export function apiInvitationPageJson(rows: ApiInvitationRow[], next: string | null): string {
  return `{"data":[${rows.map((row) => row.json).join(",")}],"next":${JSON.stringify(next)}}`;
}
