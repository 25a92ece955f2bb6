import { Prisma } from "@/lib/generated/prisma/client";
import { fail } from "@/lib/result";
import { isUuid } from "@/lib/validation/uuid";

export type KeysetSort = { field: "createdAt" | "emailCanonical" | "expiresAt"; order: "asc" | "desc" };

/** Opaque cursors: the last row's sort value and id, so pages stay stable while rows are added. */
export function encodeCursor(value: Date | string, id: string): string {
  return Buffer.from(JSON.stringify([value instanceof Date ? value.toISOString() : value, id])).toString("base64url");
}

export function decodeCursor(cursor: string, sort: KeysetSort): { value: Date | string; id: string } | null {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof value !== "string" || typeof id !== "string" || !isUuid(id)) return null;
    if (sort.field === "emailCanonical") return { value, id };
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : { value: date, id };
  } catch {
    return null;
  }
}

const KEYSET_COLUMNS = {
  createdAt: Prisma.raw(`i."createdAt"`),
  emailCanonical: Prisma.raw(`i."emailCanonical"`),
  expiresAt: Prisma.raw(`i."expiresAt"`),
} as const;

/** Rows after the cursor, as a condition over `"Invitation" i`. */
export function keysetWhere(sort: KeysetSort, after: { value: Date | string; id: string }): Prisma.Sql {
  const column = KEYSET_COLUMNS[sort.field];
  // The redundant bound (≤ or ≥ the cursor's value) is what PostgreSQL can use as an index condition,
  // so a deep page starts at the cursor instead of filtering every row before it.
  return sort.order === "desc"
    ? Prisma.sql`${column} <= ${after.value} AND (${column} < ${after.value} OR (${column} = ${after.value} AND i."id" < ${after.id}::uuid))`
    : Prisma.sql`${column} >= ${after.value} AND (${column} > ${after.value} OR (${column} = ${after.value} AND i."id" > ${after.id}::uuid))`;
}

export function keysetOrderBy(sort: KeysetSort): Prisma.Sql {
  const direction = Prisma.raw(sort.order === "desc" ? "DESC" : "ASC");
  return Prisma.sql`${KEYSET_COLUMNS[sort.field]} ${direction}, i."id" ${direction}`;
}

/** Where a page starts: nothing for the first page, INVALID for a cursor this sort did not make. */
export function parsePageCursor(cursor: string | undefined, sort: KeysetSort) {
  if (!cursor) return { ok: true as const, after: null };
  const after = decodeCursor(cursor, sort);
  if (!after)
    return fail("INVALID", "The cursor is not valid; start again without it.", {
      fieldErrors: { cursor: ["Invalid cursor"] },
    });
  return { ok: true as const, after };
}
