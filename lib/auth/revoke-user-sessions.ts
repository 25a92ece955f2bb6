import "server-only";
import type { Db } from "@/lib/db";

type Executor = Pick<Db, "$executeRaw">;

/**
 * Ends every session of a user: each one carries the version it was signed in under, and
 * getCurrentUser refuses any that differs. With `ifVersion`, only when the user is still at that
 * version, so an already-revoked token cannot end the sessions that replaced it.
 */
export async function revokeUserSessions(executor: Executor, userId: string, ifVersion?: number): Promise<boolean> {
  const changed =
    ifVersion === undefined
      ? await executor.$executeRaw`UPDATE "User" SET "sessionVersion" = "sessionVersion" + 1 WHERE "id" = ${userId}::uuid`
      : await executor.$executeRaw`
          UPDATE "User" SET "sessionVersion" = "sessionVersion" + 1
          WHERE "id" = ${userId}::uuid AND "sessionVersion" = ${ifVersion}::int`;
  return changed > 0;
}
