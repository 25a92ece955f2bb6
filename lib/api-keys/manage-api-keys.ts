import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { addDays } from "date-fns";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { fail } from "@/lib/result";
import { zodFailure } from "@/lib/validation/zod-failure";
import { API_KEY_SCOPES } from "./api-key-scopes";
import { isUuid } from "@/lib/validation/uuid";

export const API_KEY_PREFIX = "tg_live_";

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export const createApiKeySchema = z.strictObject({
  name: z.string().trim().min(1, "Name the key").max(60, "Keep the name under 60 characters"),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, "Choose at least one scope").max(API_KEY_SCOPES.length),
  expiresInDays: z.union([z.literal(30), z.literal(90), z.literal(365), z.null()]).default(90),
});

const apiKeySelect = { id: true, name: true, prefix: true, scopes: true, expiresAt: true, lastUsedAt: true, revokedAt: true, createdAt: true } as const;

/** Only API keys made with a session: a key cannot mint keys. */
function sessionUser(actor: Actor | null) {
  if (!actor) return fail("UNAUTHENTICATED", "Sign in to continue.");
  if (actor.kind !== "user") return fail("FORBIDDEN", "API keys can only be managed from the app.");
  return null;
}

/** The secret is returned once, here; only its hash is stored. */
export async function createApiKey(actor: Actor | null, input: z.input<typeof createApiKeySchema>) {
  const refused = sessionUser(actor);
  if (refused) return refused;
  const parsed = createApiKeySchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  const apiKey = await db.apiKey.create({
    data: {
      userId: actor!.userId,
      name: parsed.data.name,
      prefix: key.slice(0, API_KEY_PREFIX.length + 6),
      keyHash: hashApiKey(key),
      scopes: [...new Set(parsed.data.scopes)],
      expiresAt: parsed.data.expiresInDays ? addDays(new Date(), parsed.data.expiresInDays) : null,
    },
    select: apiKeySelect,
  });
  return { ok: true as const, key, apiKey };
}

export async function listApiKeys(actor: Actor | null) {
  const refused = sessionUser(actor);
  if (refused) return refused;
  const apiKeys = await db.apiKey.findMany({ where: { userId: actor!.userId }, orderBy: { createdAt: "desc" }, select: apiKeySelect });
  return { ok: true as const, apiKeys };
}

export async function revokeApiKey(actor: Actor | null, apiKeyId: string) {
  const refused = sessionUser(actor);
  if (refused) return refused;
  if (!isUuid(apiKeyId)) return fail("NOT_FOUND", "API key not found.");
  const { count } = await db.apiKey.updateMany({ where: { id: apiKeyId, userId: actor!.userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count === 1 ? { ok: true as const } : fail("NOT_FOUND", "API key not found.");
}
