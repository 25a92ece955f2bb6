import "server-only";
import { db } from "@/lib/db";

/** The teams a user belongs to, for the team switcher. */
export async function listUserTeams(userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    orderBy: { team: { name: "asc" } },
    select: {
      team: { select: { id: true, name: true, slug: true } },
      role: { select: { name: true, permissions: true, rank: true } },
    },
  });
  return memberships.map((m) => ({ ...m.team, roleName: m.role.name, permissions: m.role.permissions }));
}
