import "server-only";
import type { Db } from "@/lib/db";

type Reader = Pick<Db, "team">;

/**
 * The team's "notify admins when an invitation is answered" setting (`Team.notifyAdminsOnAnswer`,
 * default off): on, every holder of members.manage is emailed too, not only the inviter.
 * Unknown team → false.
 */
export async function readNotifyAdminsOnAnswer(reader: Reader, teamId: string): Promise<boolean> {
  const team = await reader.team.findUnique({ where: { id: teamId }, select: { notifyAdminsOnAnswer: true } });
  return team?.notifyAdminsOnAnswer ?? false;
}
