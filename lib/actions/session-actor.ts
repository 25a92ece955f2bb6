import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getCurrentUser } from "@/lib/auth/current-user";

/** The actor behind a server action: whoever the session cookie names, checked against the database. */
export async function getSessionActor(): Promise<Actor | null> {
  const user = await getCurrentUser();
  return user ? { kind: "user", userId: user.id } : null;
}
