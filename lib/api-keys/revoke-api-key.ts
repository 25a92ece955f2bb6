import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { fail } from "@/lib/result";
import { isUuid } from "@/lib/validation/uuid";
import { requireSessionUser } from "./require-session-user";

export async function revokeApiKey(actor: Actor | null, apiKeyId: string) {
  const user = requireSessionUser(actor);
  if (!user.ok) return user;
  if (!isUuid(apiKeyId)) return fail("NOT_FOUND", "API key not found.");
  const { count } = await db.apiKey.updateMany({
    where: { id: apiKeyId, userId: user.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count === 1 ? { ok: true as const } : fail("NOT_FOUND", "API key not found.");
}
