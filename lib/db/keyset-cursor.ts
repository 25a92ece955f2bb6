import type { Prisma } from "@/lib/generated/prisma/client";
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

export function keysetWhere(
  sort: KeysetSort,
  after: { value: Date | string; id: string },
): Prisma.InvitationWhereInput {
  const op = sort.order === "desc" ? "lt" : "gt";
  // The redundant bound (≤ or ≥ the cursor's value) is what PostgreSQL can use as an index condition,
  // so a deep page starts at the cursor instead of filtering every row before it.
  return {
    [sort.field]: { [sort.order === "desc" ? "lte" : "gte"]: after.value },
    OR: [{ [sort.field]: { [op]: after.value } }, { [sort.field]: after.value, id: { [op]: after.id } }],
  };
}

export function keysetOrderBy(sort: KeysetSort): Prisma.InvitationOrderByWithRelationInput[] {
  return [{ [sort.field]: sort.order }, { id: sort.order }];
}
