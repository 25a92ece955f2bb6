import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { apiKeySelect } from "./api-key-select";
import { requireSessionUser } from "./require-session-user";

export async function listApiKeys(actor: Actor | null) {
  const user = requireSessionUser(actor);
  if (!user.ok) return user;
  const apiKeys = await db.apiKey.findMany({
    where: { userId: user.userId },
    orderBy: { createdAt: "desc" },
    select: apiKeySelect,
  });
  return { ok: true as const, apiKeys };
}
