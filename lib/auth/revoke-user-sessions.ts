import "server-only";
import type { Db } from "@/lib/db";

type Executor = Pick<Db, "$executeRaw">;

/**
 * Ends every session of a user, on every device (a password reset), or every one but the
 * browser making the change (`except`: a password change). Returns how many ended.
 */
export async function revokeUserSessions(
  executor: Executor,
  userId: string,
  options: { except?: string } = {},
): Promise<number> {
  if (options.except) {
    return executor.$executeRaw`DELETE FROM "UserSession" WHERE "userId" = ${userId}::uuid AND "id" <> ${options.except}::uuid`;
  }
  return executor.$executeRaw`DELETE FROM "UserSession" WHERE "userId" = ${userId}::uuid`;
}
