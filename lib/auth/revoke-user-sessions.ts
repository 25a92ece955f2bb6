import "server-only";
import type { Db } from "@/lib/db";

type Executor = Pick<Db, "$executeRaw">;

/** Ends every session of a user, on every device (for a password change, say). Returns how many ended. */
export async function revokeUserSessions(executor: Executor, userId: string): Promise<number> {
  return executor.$executeRaw`DELETE FROM "UserSession" WHERE "userId" = ${userId}::uuid`;
}
