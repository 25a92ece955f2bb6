import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { toDisplayText } from "@/lib/email/display-text";
import { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, encodeCursor } from "@/lib/db/keyset-cursor";
import { fail } from "@/lib/result";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { zodFailure } from "@/lib/validation/zod-failure";
import { activityPageSql } from "./activity-page-sql";
import { activityQuerySchema } from "./activity-query";
import type { AuditAction } from "./audit-actions";

/** What a row's "Details" column says; the page words it in the viewer's language. */
export type ActivityDetail =
  | { kind: "role"; role: string }
  | { kind: "roleChange"; from: string; to: string }
  | { kind: "wasRole"; role: string }
  | { kind: "send"; number: number }
  | { kind: "reason"; reason: string }
  | { kind: "domains"; domains: string[] }
  | { kind: "settings"; fields: string[] };

export type ActivityEntry = {
  id: string;
  at: Date;
  action: AuditAction;
  /** Who did it; null when nobody signed in did (a decline through the link) or the account is gone. */
  actor: { id: string; name: string; email: string } | null;
  /** Says who acted when `actor` is null. */
  actorFallback: "link" | "invitee" | "deleted" | null;
  /** The address the event is about (an invitation's or a member's), when there is one. */
  target: string | null;
  detail: ActivityDetail | null;
};

type Row = {
  id: string;
  createdAt: Date;
  action: string;
  actorId: string | null;
  metadata: Record<string, unknown> | null;
  actorName: string | null;
  actorEmail: string | null;
};

const text = (value: unknown, max = 120) =>
  typeof value === "string" ? toDisplayText(value, max, { breakLinks: false }) : null;

function describeDetail(action: AuditAction, metadata: Record<string, unknown>): ActivityDetail | null {
  switch (action) {
    case "invitation.created":
    case "invite_link.created":
    case "invite_link.revoked":
    case "member.joined":
      return text(metadata.role) ? { kind: "role", role: text(metadata.role)! } : null;
    case "member.role_changed":
      return text(metadata.from) && text(metadata.to)
        ? { kind: "roleChange", from: text(metadata.from)!, to: text(metadata.to)! }
        : null;
    case "member.removed":
      return text(metadata.role) ? { kind: "wasRole", role: text(metadata.role)! } : null;
    case "invitation.resent":
      return typeof metadata.sendNumber === "number" ? { kind: "send", number: metadata.sendNumber } : null;
    case "invitation.declined":
    case "join_request.rejected":
      return text(metadata.reason, 200) ? { kind: "reason", reason: text(metadata.reason, 200)! } : null;
    case "team.domains_changed":
      return Array.isArray(metadata.to)
        ? { kind: "domains", domains: metadata.to.filter((d): d is string => typeof d === "string").slice(0, 10) }
        : null;
    case "team.settings_changed":
      return metadata.changes && typeof metadata.changes === "object"
        ? { kind: "settings", fields: Object.keys(metadata.changes) }
        : null;
    default:
      return null;
  }
}

function toEntry(row: Row): ActivityEntry {
  const action = row.action as AuditAction;
  const metadata = row.metadata ?? {};
  const actor =
    row.actorId && row.actorName !== null
      ? { id: row.actorId, name: toDisplayText(row.actorName, 200, { breakLinks: false }), email: row.actorEmail ?? "" }
      : null;
  const actorFallback = actor
    ? null
    : action === "invitation.declined" && metadata.by === "link"
      ? "link"
      : action === "invitation.renewal_requested"
        ? "invitee"
        : "deleted";
  return {
    id: row.id,
    at: row.createdAt,
    action,
    actor,
    actorFallback,
    // Webhook events name their endpoint's URL where invitation and member events name an address.
    target: text(metadata.email ?? metadata.url, 254),
    detail: describeDetail(action, metadata),
  };
}

/**
 * The team's activity log (members.manage): audit events newest first, filtered by kind (audit
 * actions) and person (the actor), paged by a keyset cursor on (createdAt, id), so a page costs
 * the same at any depth and at any size of log. Each kind reads its own index range
 * (teamId, action | actorId + action, createdAt, id) up to one page, and the ranges are merged:
 * a rare kind in a large log is as quick as a common one.
 */
export async function listTeamActivity(actor: Actor | null, team: TeamRef, rawQuery: unknown) {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  const parsed = activityQuerySchema.safeParse(rawQuery ?? {});
  if (!parsed.success) return zodFailure(parsed.error);
  const query = parsed.data;
  const teamId = access.team.id;
  const newer = query.before !== undefined;
  const cursorText = query.before ?? query.after;
  const bound = cursorText ? decodeCursor(cursorText, { field: "createdAt", order: newer ? "asc" : "desc" }) : null;
  if (cursorText && !bound)
    return fail("INVALID", "The page link is not valid; start from the newest events.", {
      fieldErrors: { cursor: ["Invalid cursor"] },
    });

  const take = query.perPage + 1;
  const order = Prisma.raw(newer ? "ASC" : "DESC");
  const events = activityPageSql({
    teamId,
    kinds: query.kind,
    person: query.person ?? null,
    bound: bound ? { at: bound.value as Date, id: bound.id } : null,
    newer,
    take,
  });
  const [rows, people] = await Promise.all([
    db.$queryRaw<
      Row[]
    >`SELECT p.*, u."name" AS "actorName", u."email" AS "actorEmail" FROM (${events}) p LEFT JOIN "User" u ON u."id" = p."actorId"
      ORDER BY p."createdAt" ${order}, p."id" ${order}`,
    listActivityPeople(teamId),
  ]);

  const more = rows.length > query.perPage;
  const page = rows.slice(0, query.perPage);
  if (newer) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  return {
    ok: true as const,
    access,
    query,
    entries: page.map(toEntry),
    people,
    // Coming from a cursor, the other direction has at least the row the cursor named.
    newerCursor: first && (newer ? more : !!bound) ? encodeCursor(first.createdAt, first.id) : null,
    olderCursor: last && (newer ? true : more) ? encodeCursor(last.createdAt, last.id) : null,
  };
}

/**
 * Everyone who acted in the team (the person filter's choices), current members or not: a skip
 * scan over (teamId, actorId, …), one index probe per person instead of reading every event.
 */
async function listActivityPeople(teamId: string) {
  const rows = await db.$queryRaw<Array<{ id: string; name: string; email: string }>>`
    WITH RECURSIVE actors("actorId") AS (
      (SELECT "actorId" FROM "AuditEvent" WHERE "teamId" = ${teamId}::uuid AND "actorId" IS NOT NULL ORDER BY "actorId" LIMIT 1)
      UNION ALL
      SELECT (SELECT a."actorId" FROM "AuditEvent" a WHERE a."teamId" = ${teamId}::uuid AND a."actorId" > actors."actorId" ORDER BY a."actorId" LIMIT 1)
      FROM actors WHERE actors."actorId" IS NOT NULL
    )
    SELECT u."id", u."name", u."email" FROM actors JOIN "User" u ON u."id" = actors."actorId" ORDER BY u."name", u."id" LIMIT 500`;
  return rows.map((row) => ({
    value: row.id,
    label: `${toDisplayText(row.name, 80, { breakLinks: false })} (${row.email})`,
  }));
}
