import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { API_KEY_PREFIX, hashApiKey } from "./manage-api-keys";

/** The actor behind `Authorization: Bearer <key>`, or null for a missing, unknown, expired or revoked key. */
export async function authenticateApiKey(authorization: string | null): Promise<Actor | null> {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  const key = match?.[1];
  if (!key || !key.startsWith(API_KEY_PREFIX) || key.length > 200) return null;
  const apiKey = await db.apiKey.findUnique({
    where: { keyHash: hashApiKey(key) },
    select: { id: true, userId: true, scopes: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });
  const now = new Date();
  if (!apiKey || apiKey.revokedAt || (apiKey.expiresAt && apiKey.expiresAt <= now)) return null;
  // Written at most once a minute, so a busy key does not turn every read into a write.
  if (!apiKey.lastUsedAt || now.getTime() - apiKey.lastUsedAt.getTime() > 60_000) {
    await db.apiKey.update({ where: { id: apiKey.id }, data: { lastUsedAt: now } });
  }
  return { kind: "api-key", userId: apiKey.userId, apiKeyId: apiKey.id, scopes: apiKey.scopes };
}
