import "server-only";
import { db } from "@/lib/db";

export async function isTeamMember(userId: string, teamSlug: string): Promise<boolean> {
  const membership = await db.membership.findFirst({
    where: { userId, team: { slug: teamSlug } },
    select: { id: true },
  });
  return !!membership;
}
