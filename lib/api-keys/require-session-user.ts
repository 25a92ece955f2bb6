import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { fail, type Failure } from "@/lib/result";

/** API keys are managed with a session only: a key cannot mint, list or revoke keys. */
export function requireSessionUser(actor: Actor | null): { ok: true; userId: string } | Failure {
  if (!actor) return fail("UNAUTHENTICATED", "Sign in to continue.");
  if (actor.kind !== "user") return fail("FORBIDDEN", "API keys can only be managed from the app.");
  return { ok: true, userId: actor.userId };
}
