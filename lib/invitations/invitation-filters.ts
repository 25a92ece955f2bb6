import type { Prisma } from "@/lib/generated/prisma/client";
import { escapeLikePattern } from "@/lib/db/escape-like-pattern";
import type { InvitationListQuery, InvitationSortKey } from "./schemas";
import type { InvitationDisplayStatus } from "./status";

/** EXPIRED and PENDING are the same stored status split by the database clock. */
function statusCondition(status: InvitationDisplayStatus, now: Date): Prisma.InvitationWhereInput {
  if (status === "PENDING") return { status: "PENDING", expiresAt: { gt: now } };
  if (status === "EXPIRED") return { status: "PENDING", expiresAt: { lte: now } };
  return { status };
}

export function buildInvitationWhere(
  teamId: string,
  query: Pick<InvitationListQuery, "status" | "role" | "inviter" | "q">,
  now: Date,
): Prisma.InvitationWhereInput {
  const and: Prisma.InvitationWhereInput[] = [{ teamId }];
  if (query.status.length > 0) and.push({ OR: query.status.map((status) => statusCondition(status, now)) });
  if (query.role.length > 0) and.push({ roleId: { in: query.role } });
  if (query.inviter.length > 0) and.push({ inviterId: { in: query.inviter } });
  if (query.q) and.push({ emailCanonical: { contains: escapeLikePattern(query.q.toLowerCase()) } });
  return { AND: and };
}

export function buildInvitationOrderBy(
  sort: InvitationSortKey,
  order: "asc" | "desc",
): Prisma.InvitationOrderByWithRelationInput[] {
  const byId: Prisma.InvitationOrderByWithRelationInput = { id: order };
  switch (sort) {
    case "email":
      return [{ emailCanonical: order }, byId];
    case "status":
      return [{ status: order }, { expiresAt: order }, byId];
    case "role":
      return [{ role: { rank: order } }, { createdAt: order }, byId];
    case "inviter":
      return [{ inviter: { name: order } }, { createdAt: order }, byId];
    case "delivery":
      return [{ deliveryStatus: order }, { createdAt: order }, byId];
    case "expiresAt":
      return [{ expiresAt: order }, byId];
    case "updatedAt":
      return [{ updatedAt: order }, byId];
    case "createdAt":
      return [{ createdAt: order }, byId];
    case "id":
      return [byId];
  }
}
