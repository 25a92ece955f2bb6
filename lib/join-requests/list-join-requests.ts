import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import type { JoinRequestDto } from "./join-request-dto";

/** A queue, not a history: the oldest waits longest, but the newest first is what admins look for. */
export const JOIN_REQUEST_PAGE_LIMIT = 200;

/** members.manage: the team's pending requests, newest first (at most JOIN_REQUEST_PAGE_LIMIT). */
export async function listJoinRequests(actor: Actor | null, team: TeamRef) {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  const rows = await db.joinRequest.findMany({
    where: { teamId: access.team.id, status: "PENDING" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: JOIN_REQUEST_PAGE_LIMIT,
    select: {
      id: true,
      kind: true,
      email: true,
      note: true,
      createdAt: true,
      requester: { select: { name: true, email: true } },
    },
  });
  const requests: JoinRequestDto[] = rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
  return { ok: true as const, team: access.team, requests };
}
