import "server-only";
import { addDays } from "date-fns";
import type { Actor } from "@/lib/auth/actor";
import { runTransaction } from "@/lib/db/run-transaction";
import { fail } from "@/lib/result";
import { zodFailure } from "@/lib/validation/zod-failure";
import { API_KEY_PREFIX, generateApiKey, hashApiKey } from "./api-key-secret";
import { createApiKeySchema } from "./create-api-key-schema";
import { apiKeySelect } from "./api-key-select";
import { requireSessionUser } from "./require-session-user";

/** Active (unrevoked, unexpired) keys one user may hold: enough for every script, few enough to audit. */
export const MAX_ACTIVE_API_KEYS = 25;

/**
 * The secret is returned once, here; only its hash is stored. The user's row is locked while
 * counting, so parallel requests cannot pass the cap; expiry is set by the database clock.
 */
export async function createApiKey(actor: Actor | null, input: unknown) {
  const user = requireSessionUser(actor);
  if (!user.ok) return user;
  const parsed = createApiKeySchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  const key = generateApiKey();
  const created = await runTransaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      Array<{ now: Date }>
    >`SELECT now() AS now FROM "User" WHERE id = ${user.userId}::uuid FOR UPDATE`;
    if (!locked) return fail("UNAUTHENTICATED", "Sign in to continue.");
    const active = await tx.apiKey.count({
      where: { userId: user.userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: locked.now } }] },
    });
    if (active >= MAX_ACTIVE_API_KEYS) {
      return fail(
        "LIMIT_REACHED",
        `You already have ${MAX_ACTIVE_API_KEYS} active API keys. Revoke one you no longer use to create another.`,
      );
    }
    const apiKey = await tx.apiKey.create({
      data: {
        userId: user.userId,
        name: parsed.data.name,
        prefix: key.slice(0, API_KEY_PREFIX.length + 6),
        keyHash: hashApiKey(key),
        scopes: [...new Set(parsed.data.scopes)],
        expiresAt: parsed.data.expiresInDays ? addDays(locked.now, parsed.data.expiresInDays) : null,
      },
      select: apiKeySelect,
    });
    return { ok: true as const, apiKey };
  });
  return created.ok ? { ok: true as const, key, apiKey: created.apiKey } : created;
}
