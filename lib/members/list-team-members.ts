import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { toDisplayText } from "@/lib/email/display-text";
import type { Prisma } from "@/lib/generated/prisma/client";
import { escapeLikePattern } from "@/lib/db/escape-like-pattern";
import { canManageMember } from "@/lib/permissions/can";
import { grantableRoles } from "@/lib/permissions/grantable-roles";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { zodFailure } from "@/lib/validation/zod-failure";
import { memberListQuerySchema } from "./member-list-query";

export type TeamMemberDto = {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: { id: string; name: string; rank: number };
  groups: string[];
  joinedAt: Date;
  /** What the viewer may do to this member (decided here by `canManageMember`; the table only reads it). */
  can: { changeRole: boolean; remove: boolean };
};

/** One page of a team's members (searchable by name or email), for anyone with members.read in it. */
export async function listTeamMembers(actor: Actor | null, team: TeamRef, rawQuery: unknown = {}) {
  const access = await authorizeTeam(db, actor, team, "members.read");
  if (!access.ok) return access;
  const parsed = memberListQuerySchema.safeParse(rawQuery ?? {});
  if (!parsed.success) return zodFailure(parsed.error);
  const query = parsed.data;
  const pattern = query.q ? escapeLikePattern(query.q) : null;
  const where: Prisma.MembershipWhereInput = {
    teamId: access.team.id,
    ...(pattern
      ? {
          user: {
            OR: [
              { name: { contains: pattern, mode: "insensitive" } },
              { emailCanonical: { contains: pattern.toLowerCase() } },
            ],
          },
        }
      : {}),
  };
  const readPage = (page: number) =>
    db.membership.findMany({
      relationLoadStrategy: "join",
      where,
      orderBy: [{ role: { rank: "desc" } }, { joinedAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * query.perPage,
      take: query.perPage,
      select: {
        id: true,
        userId: true,
        joinedAt: true,
        user: { select: { name: true, email: true } },
        role: { select: { id: true, name: true, rank: true } },
        groups: { select: { group: { select: { name: true } } } },
      },
    });
  const [firstRead, total, teamSize, roles] = await Promise.all([
    readPage(query.page),
    db.membership.count({ where }),
    pattern ? db.membership.count({ where: { teamId: access.team.id } }) : null,
    db.role.findMany({
      where: { teamId: access.team.id },
      orderBy: { rank: "desc" },
      select: { id: true, name: true, rank: true },
    }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / query.perPage));
  let rows = firstRead;
  if (rows.length === 0 && query.page > pageCount) {
    query.page = pageCount;
    rows = await readPage(pageCount);
  }
  const members: TeamMemberDto[] = rows.map((row) => ({
    id: row.id,
    userId: row.userId,
    name: toDisplayText(row.user.name, 200, { breakLinks: false }),
    email: row.user.email,
    role: row.role,
    groups: row.groups.map((g) => g.group.name).sort(),
    joinedAt: row.joinedAt,
    can: { changeRole: canManageMember(access.role, row.role), remove: canManageMember(access.role, row.role) },
  }));
  return {
    ok: true as const,
    access,
    members,
    roles,
    /** The roles the viewer may give a member; empty without members.manage. */
    grantableRoles: grantableRoles(access.role, roles).map(({ id, name }) => ({ id, name })),
    query,
    total,
    pageCount,
    teamSize: teamSize ?? total,
  };
}
