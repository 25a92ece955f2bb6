import "server-only";
import { db } from "@/lib/db";
import { SESSION_ABSOLUTE_SECONDS } from "./session-lifetime";

/**
 * Records a new signed-in browser and returns its id, which the session token carries. Expired
 * rows are cleared on the way (an index range on expiresAt), so the table holds live sessions only.
 */
export async function createUserSession(userId: string): Promise<string> {
  await db.$executeRaw`DELETE FROM "UserSession" WHERE "expiresAt" < now()`;
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "UserSession" ("id", "userId", "expiresAt")
    VALUES (gen_random_uuid(), ${userId}::uuid, now() + make_interval(secs => ${SESSION_ABSOLUTE_SECONDS}::int))
    RETURNING "id"`;
  return rows[0]!.id;
}
