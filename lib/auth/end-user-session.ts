import "server-only";
import { db } from "@/lib/db";

/** Signing out: the session the cookie named stops working everywhere it was copied to. */
export async function endUserSession(sessionId: string): Promise<void> {
  await db.userSession.deleteMany({ where: { id: sessionId } });
}
