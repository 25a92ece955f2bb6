import { afterEach, describe, expect, it, vi } from "vitest";

async function loadEnv(overrides: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(overrides)) vi.stubEnv(name, value);
  return (await import("./env")).env;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("env", () => {
  it("refuses to start in production without APP_URL, naming it", async () => {
    await expect(
      loadEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32), APP_URL: undefined, NEXT_PHASE: undefined }),
    ).rejects.toThrow(/APP_URL: is required in production/);
  });

  it("starts in production with APP_URL and AUTH_SECRET, and trusts no proxy by default", async () => {
    const env = await loadEnv({
      NODE_ENV: "production",
      AUTH_SECRET: "x".repeat(32),
      APP_URL: "https://teamgate.example.com/",
      TRUSTED_PROXY_HOPS: undefined,
    });
    expect(env.APP_URL).toBe("https://teamgate.example.com");
    expect(env.TRUSTED_PROXY_HOPS).toBe(0);
  });

  it("falls back to localhost outside production", async () => {
    const env = await loadEnv({ NODE_ENV: "development", APP_URL: undefined, PORT: "4321" });
    expect(env.APP_URL).toBe("http://localhost:4321");
  });

  it("rejects a DATABASE_URL that is not PostgreSQL", async () => {
    await expect(loadEnv({ NODE_ENV: "development", DATABASE_URL: "mysql://db/app" })).rejects.toThrow(
      /DATABASE_URL: must be a postgres/,
    );
  });
});
