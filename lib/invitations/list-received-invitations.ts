import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { readDatabaseNow } from "@/lib/db/database-now";
import { Prisma } from "@/lib/generated/prisma/client";
import { fail } from "@/lib/result";
import { readInvitationPage } from "./read-invitation-page";
import type { InvitationRowReader } from "./read-invitation-dtos";
import { parsePageCursor, type KeysetSort } from "@/lib/db/keyset-cursor";

const SORT: KeysetSort = { field: "createdAt", order: "desc" };

/**
 * Pending, unexpired invitations to any team addressed to the actor's email, newest first, a
 * page at a time in `read`'s shape: `next` is the cursor for the following page, null on the last.
 */
export async function listReceivedInvitations<R extends { id: string }>(
  actor: Actor | null,
  query: { limit: number; cursor?: string },
  read: InvitationRowReader<R>,
) {
  if (!actor) return fail("UNAUTHENTICATED", "Sign in to continue.");
  const cursor = parsePageCursor(query.cursor, SORT);
  if (!cursor.ok) return cursor;
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { emailCanonical: true } });
  if (!user) return fail("UNAUTHENTICATED", "Sign in to continue.");
  const now = await readDatabaseNow(db);
  const where = Prisma.sql`i."emailCanonical" = ${user.emailCanonical} AND i."status" = 'PENDING' AND i."expiresAt" > ${now}`;
  const page = await readInvitationPage(db, { where, sort: SORT, limit: query.limit, after: cursor.after }, now, read);
  return { ok: true as const, ...page };
}
