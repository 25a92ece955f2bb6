import { afterEach, describe, expect, it, vi } from "vitest";
import { asActor, createUser } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

const { createApiKey, MAX_ACTIVE_API_KEYS } = await import("@/lib/api-keys/create-api-key");
const { revokeApiKey } = await import("@/lib/api-keys/revoke-api-key");
const { authenticateApiKey } = await import("@/lib/api-keys/authenticate-api-key");

const { db, engine } = getTestDatabase();

afterEach(() => {
  vi.useRealTimers();
});

/** PGlite runs inside this process on its clock, so only PostgreSQL's clock can disagree with the app's. */
function skewAppClock(time: number) {
  if (engine !== "postgres") return;
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(time);
}

async function createKeys(user: { id: string }, count: number) {
  const keys = [];
  for (let i = 0; i < count; i += 1) {
    const created = await createApiKey(asActor(user), { name: `key ${i}`, scopes: ["invitations:read"] });
    if (!created.ok) throw new Error(created.error);
    keys.push(created);
  }
  return keys;
}

describe("API key cap", () => {
  it(`refuses a key past ${MAX_ACTIVE_API_KEYS} active ones, and counts only active keys`, async () => {
    const user = await createUser(db);
    const keys = await createKeys(user, MAX_ACTIVE_API_KEYS);
    const refused = await createApiKey(asActor(user), { name: "one too many", scopes: ["invitations:read"] });
    expect(refused).toMatchObject({ ok: false, code: "LIMIT_REACHED", error: expect.stringContaining("Revoke one") });

    expect(await revokeApiKey(asActor(user), keys[0]!.apiKey.id)).toEqual({ ok: true });
    expect((await createApiKey(asActor(user), { name: "after a revoke", scopes: ["invitations:read"] })).ok).toBe(true);

    await db.apiKey.update({ where: { id: keys[1]!.apiKey.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    expect((await createApiKey(asActor(user), { name: "after an expiry", scopes: ["invitations:read"] })).ok).toBe(
      true,
    );
    expect((await createApiKey(asActor(user), { name: "full again", scopes: ["invitations:read"] })).ok).toBe(false);
    expect(await db.apiKey.count({ where: { userId: user.id } })).toBe(MAX_ACTIVE_API_KEYS + 2);

    const other = await createUser(db);
    expect((await createApiKey(asActor(other), { name: "someone else", scopes: ["invitations:read"] })).ok).toBe(true);
  }, 60_000);

  it("holds under parallel requests", async () => {
    const user = await createUser(db);
    await createKeys(user, MAX_ACTIVE_API_KEYS - 2);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        createApiKey(asActor(user), { name: `parallel ${i}`, scopes: ["invitations:read"] }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(2);
    expect(await db.apiKey.count({ where: { userId: user.id } })).toBe(MAX_ACTIVE_API_KEYS);
  }, 60_000);

  it("is refused to API-key actors", async () => {
    const user = await createUser(db);
    expect(
      await createApiKey(
        { kind: "api-key", userId: user.id, apiKeyId: "x", scopes: ["invitations:write"] },
        { name: "minted", scopes: ["invitations:read"] },
      ),
    ).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
  });
});

describe("API key expiry", () => {
  it("is judged by the database clock, not the app server's", async () => {
    const user = await createUser(db);
    const [created] = await createKeys(user, 1);
    const now = (await db.$queryRaw<Array<{ now: Date }>>`SELECT now() AS now`)[0]!.now;
    await db.apiKey.update({ where: { id: created!.apiKey.id }, data: { expiresAt: new Date(now.getTime() - 1000) } });
    // An app server whose clock runs an hour behind the database still refuses the expired key.
    skewAppClock(now.getTime() - 3_600_000);
    expect(await authenticateApiKey(`Bearer ${created!.key}`)).toBeNull();
  });

  it("sets expiresAt from the database clock, and records lastUsedAt at most once a minute", async () => {
    const user = await createUser(db);
    skewAppClock(new Date("2001-01-01T00:00:00Z").getTime());
    const created = await createApiKey(asActor(user), {
      name: "dated",
      scopes: ["invitations:read"],
      expiresInDays: 30,
    });
    vi.useRealTimers();
    if (!created.ok) throw new Error(created.error);
    const now = (await db.$queryRaw<Array<{ now: Date }>>`SELECT now() AS now`)[0]!.now;
    expect(Math.abs(created.apiKey.expiresAt!.getTime() - (now.getTime() + 30 * 86_400_000))).toBeLessThan(
      3_600_000 + 60_000,
    );

    expect(await authenticateApiKey(`Bearer ${created.key}`)).toMatchObject({
      kind: "api-key",
      userId: user.id,
      apiKeyId: created.apiKey.id,
    });
    const first = (await db.apiKey.findUniqueOrThrow({ where: { id: created.apiKey.id } })).lastUsedAt;
    expect(first).not.toBeNull();
    await authenticateApiKey(`Bearer ${created.key}`);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: created.apiKey.id } })).lastUsedAt).toEqual(first);
  });
});
