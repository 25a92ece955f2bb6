import "server-only";
import { db } from "@/lib/db";
import type { JoinPolicy } from "@/lib/join-requests/join-request-rules";

/** For the Domains page, after it authorized the viewer. */
export async function readJoinPolicy(teamId: string): Promise<JoinPolicy> {
  const team = await db.team.findUnique({ where: { id: teamId }, select: { joinPolicy: true } });
  return team?.joinPolicy ?? "OFF";
}
