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
 * Invitations the actor created, newest first, in every team where they still hold
 * members.manage (and, through an API key, api.access); rows in `read`'s shape. Someone who lost that right, or left
 * the team, no longer reads that team's invitations, including the ones they created.
 */
export async function listSentInvitations<R extends { id: string }>(
  actor: Actor | null,
  query: { limit: number; cursor?: string },
  read: InvitationRowReader<R>,
) {
  if (!actor) return fail("UNAUTHENTICATED", "Sign in to continue.");
  const cursor = parsePageCursor(query.cursor, SORT);
  if (!cursor.ok) return cursor;
  const permissions = actor.kind === "api-key" ? ["members.manage", "api.access"] : ["members.manage"];
  const teams = await db.membership.findMany({
    where: { userId: actor.userId, role: { permissions: { hasEvery: permissions } } },
    select: { teamId: true },
  });
  const now = await readDatabaseNow(db);
  const where = Prisma.sql`i."inviterId" = ${actor.userId}::uuid AND i."teamId" = ANY(${teams.map((t) => t.teamId)}::uuid[])`;
  const page = await readInvitationPage(db, { where, sort: SORT, limit: query.limit, after: cursor.after }, now, read);
  return { ok: true as const, ...page };
}
