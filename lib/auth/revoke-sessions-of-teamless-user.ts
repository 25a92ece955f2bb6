import "server-only";
import type { Db } from "@/lib/db";

type Executor = Pick<Db, "$executeRaw">;

/**
 * After a membership is removed: a user who now belongs to no team is signed out everywhere.
 * One statement, so it sees the removal made in the same transaction.
 */
export async function revokeSessionsOfTeamlessUser(executor: Executor, userId: string): Promise<boolean> {
  const changed = await executor.$executeRaw`
    UPDATE "User" SET "sessionVersion" = "sessionVersion" + 1
    WHERE "id" = ${userId}::uuid
      AND NOT EXISTS (SELECT 1 FROM "Membership" WHERE "userId" = ${userId}::uuid)`;
  return changed > 0;
}
