import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { readDatabaseNow } from "@/lib/db/database-now";
import { Prisma } from "@/lib/generated/prisma/client";
import { fail } from "@/lib/result";
import { readInvitationDtos } from "./read-invitation-dtos";
import { decodeCursor, encodeCursor, keysetOrderBy, keysetWhere, type KeysetSort } from "@/lib/db/keyset-cursor";

const SORT: KeysetSort = { field: "createdAt", order: "desc" };

/**
 * Pending, unexpired invitations to any team addressed to the actor's email, newest first, a
 * page at a time: `next` is the cursor for the following page, null on the last.
 */
export async function listReceivedInvitations(
  actor: Actor | null,
  query: { limit: number; cursor?: string } = { limit: 200 },
) {
  if (!actor) return fail("UNAUTHENTICATED", "Sign in to continue.");
  const after = query.cursor ? decodeCursor(query.cursor, SORT) : null;
  if (query.cursor && !after)
    return fail("INVALID", "The cursor is not valid; start again without it.", {
      fieldErrors: { cursor: ["Invalid cursor"] },
    });
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { emailCanonical: true } });
  if (!user) return fail("UNAUTHENTICATED", "Sign in to continue.");
  const now = await readDatabaseNow(db);
  const where = Prisma.sql`i."emailCanonical" = ${user.emailCanonical} AND i."status" = 'PENDING' AND i."expiresAt" > ${now}`;
  const rows = await readInvitationDtos(
    db,
    {
      where: after ? Prisma.sql`${where} AND ${keysetWhere(SORT, after)}` : where,
      orderBy: keysetOrderBy(SORT),
      limit: query.limit + 1,
    },
    now,
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    ok: true as const,
    invitations: page,
    next: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
