import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { readDatabaseNow } from "@/lib/db/database-now";
import { fail } from "@/lib/result";
import { invitationDtoSelect, toInvitationDto } from "./invitation-dto";
import { decodeCursor, encodeCursor, keysetOrderBy, keysetWhere, type KeysetSort } from "@/lib/db/keyset-cursor";

const SORT: KeysetSort = { field: "createdAt", order: "desc" };

/**
 * Invitations the actor created, newest first, in every team where they still hold
 * members.manage (and, through an API key, api.access). Someone who lost that right, or left
 * the team, no longer reads that team's invitations, including the ones they created.
 */
export async function listSentInvitations(actor: Actor | null, query: { limit: number; cursor?: string }) {
  if (!actor) return fail("UNAUTHENTICATED", "Sign in to continue.");
  const after = query.cursor ? decodeCursor(query.cursor, SORT) : null;
  if (query.cursor && !after)
    return fail("INVALID", "The cursor is not valid; start again without it.", {
      fieldErrors: { cursor: ["Invalid cursor"] },
    });
  const permissions = actor.kind === "api-key" ? ["members.manage", "api.access"] : ["members.manage"];
  const teams = await db.membership.findMany({
    where: { userId: actor.userId, role: { permissions: { hasEvery: permissions } } },
    select: { teamId: true },
  });
  const now = await readDatabaseNow(db);
  const where = { inviterId: actor.userId, teamId: { in: teams.map((t) => t.teamId) } };
  const rows = await db.invitation.findMany({
    relationLoadStrategy: "join",
    where: after ? { AND: [where, keysetWhere(SORT, after)] } : where,
    orderBy: keysetOrderBy(SORT),
    take: query.limit + 1,
    select: invitationDtoSelect,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    ok: true as const,
    invitations: page.map((row) => toInvitationDto(row, now)),
    next: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
