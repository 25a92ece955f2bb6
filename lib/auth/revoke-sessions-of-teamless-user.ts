import "server-only";
import type { Db } from "@/lib/db";

type Executor = Pick<Db, "$executeRaw">;

/**
 * After a membership is removed: a user who now belongs to no team is signed out everywhere.
 * One statement, so it sees the removal made earlier in the same transaction.
 */
export async function revokeSessionsOfTeamlessUser(executor: Executor, userId: string): Promise<number> {
  return executor.$executeRaw`
    DELETE FROM "UserSession"
    WHERE "userId" = ${userId}::uuid
      AND NOT EXISTS (SELECT 1 FROM "Membership" WHERE "userId" = ${userId}::uuid)`;
}
