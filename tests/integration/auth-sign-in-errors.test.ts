import { describe, expect, it, vi } from "vitest";
import { getTestDatabase } from "../helpers/test-database";

vi.mock("@/lib/auth/sign-in-with-password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/sign-in-with-password")>();
  return { signInWithPassword: vi.fn(real.signInWithPassword) };
});

const { authOptions } = await import("@/lib/auth/auth-options");
const { signInWithPassword } = await import("@/lib/auth/sign-in-with-password");

const { db } = getTestDatabase();
type Authorize = (
  credentials: Record<string, unknown>,
  request: { headers: Record<string, string> },
) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
const attempt = (credentials: Record<string, unknown>) =>
  authorize(credentials, { headers: { "x-forwarded-for": "203.0.113.80" } });

describe("sign-in never hands internal error text to the client", () => {
  it.each([
    ["a NUL in the address", { email: "owner\u0000@acme.test", password: "whatever" }],
    ["a control character", { email: "owner@acme.test\u001b[2J", password: "whatever" }],
    ["an address past any real length", { email: `${"a".repeat(400)}@acme.test`, password: "whatever" }],
    ["no password", { email: "owner@acme.test", password: "" }],
    ["a password over 1 KiB", { email: "owner@acme.test", password: "p".repeat(1025) }],
    ["not strings", { email: ["owner@acme.test"], password: { length: 3 } }],
  ])("treats %s as a failed sign-in and counts nothing", async (_label, credentials) => {
    await expect(attempt(credentials)).resolves.toBeNull();
    expect(await db.rateLimitBucket.count()).toBe(0);
  });

  it("answers an unexpected failure with a fixed code, whatever the database said", async () => {
    vi.mocked(signInWithPassword).mockRejectedValueOnce(
      new Error('invalid byte sequence for encoding "UTF8": 0x00 in "RateLimitBucket"'),
    );
    const error = await attempt({ email: "owner@acme.test", password: "whatever" }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe("SignInUnavailable");
  });
});
