import { describe, expect, it, vi } from "vitest";
import { createUser } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

vi.hoisted(() => {
  process.env.SIGN_IN_FAILURES_PER_15_MINUTES = "3";
});

const { hashPassword } = await import("@/lib/auth/password");
const { signInWithPassword } = await import("@/lib/auth/sign-in-with-password");

const { db } = getTestDatabase();

async function userWithPassword(email: string, password: string) {
  const user = await createUser(db, { email });
  await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  return user;
}

describe("sign-in attempts are counted before the password is checked", () => {
  it("lets at most the limit of parallel wrong guesses be evaluated", async () => {
    await userWithPassword("parallel@example.com", "the real password");
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signInWithPassword("parallel@example.com", `guess ${i}`, `192.0.2.${i}`)),
    );
    const evaluated = outcomes.filter((outcome) => !outcome.ok && outcome.reason === "INVALID_CREDENTIALS");
    expect(evaluated.length).toBeLessThanOrEqual(3);
    expect(outcomes.filter((outcome) => !outcome.ok && outcome.reason === "TOO_MANY_ATTEMPTS").length).toBe(
      12 - evaluated.length,
    );
    expect(await signInWithPassword("parallel@example.com", "the real password", "192.0.2.200")).toEqual({
      ok: false,
      reason: "TOO_MANY_ATTEMPTS",
    });
  }, 60_000);

  it("does the same per client address across many accounts", async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signInWithPassword(`spray-${i}@example.com`, "guess", "192.0.2.250")),
    );
    expect(
      outcomes.filter((outcome) => !outcome.ok && outcome.reason === "INVALID_CREDENTIALS").length,
    ).toBeLessThanOrEqual(15);
    expect(await signInWithPassword("spray-new@example.com", "guess", "192.0.2.250")).toEqual({
      ok: false,
      reason: "TOO_MANY_ATTEMPTS",
    });
  }, 60_000);

  it("gives a successful sign-in's count back, so signing in often never locks anyone out", async () => {
    await userWithPassword("regular@example.com", "correct horse");
    expect(await signInWithPassword("regular@example.com", "typo", "192.0.2.7")).toMatchObject({
      ok: false,
      reason: "INVALID_CREDENTIALS",
    });
    expect(await signInWithPassword("regular@example.com", "typo", "192.0.2.7")).toMatchObject({
      ok: false,
      reason: "INVALID_CREDENTIALS",
    });
    for (let i = 0; i < 5; i += 1)
      expect(await signInWithPassword("regular@example.com", "correct horse", "192.0.2.7")).toMatchObject({ ok: true });
    expect(await signInWithPassword("regular@example.com", "typo", "192.0.2.7")).toMatchObject({
      ok: false,
      reason: "INVALID_CREDENTIALS",
    });
    expect(await signInWithPassword("regular@example.com", "correct horse", "192.0.2.7")).toEqual({
      ok: false,
      reason: "TOO_MANY_ATTEMPTS",
    });
  }, 60_000);
});

describe("strangers cannot lock the owner out (device tokens)", () => {
  async function ownerDevice(email: string, password: string) {
    await userWithPassword(email, password);
    const first = await signInWithPassword(email, password, "203.0.113.10");
    if (!first.ok) throw new Error("the owner could not sign in");
    return first.deviceToken;
  }

  it("wrong passwords from many addresses pause new devices, not the browser that signed in before", async () => {
    const device = await ownerDevice("owner-device@example.com", "the owner's password");
    for (let i = 0; i < 10; i += 1)
      await signInWithPassword("owner-device@example.com", `guess ${i}`, `198.51.100.${i}`);
    // A client it has never seen is paused, whatever it sends...
    expect(await signInWithPassword("owner-device@example.com", "the owner's password", "198.51.100.77")).toEqual({
      ok: false,
      reason: "TOO_MANY_ATTEMPTS",
    });
    // ...the owner's browser is not, from any address.
    expect(
      await signInWithPassword("owner-device@example.com", "the owner's password", "203.0.113.99", device),
    ).toMatchObject({ ok: true, deviceToken: device });
  }, 60_000);

  it("a forged token, or one issued for another account, is no device at all", async () => {
    const device = await ownerDevice("owner-forged@example.com", "pw one two three");
    const otherDevice = await ownerDevice("someone-else@example.com", "pw four five six");
    for (let i = 0; i < 3; i += 1)
      await signInWithPassword("owner-forged@example.com", `guess ${i}`, `198.51.100.${20 + i}`);
    const [nonce, signature] = device.split(".");
    for (const token of [
      otherDevice,
      `${"A".repeat(22)}.${signature}`,
      `${nonce}.${"A".repeat(43)}`,
      "garbage",
      `${device}.x`,
    ]) {
      expect(await signInWithPassword("owner-forged@example.com", "pw one two three", "198.51.100.30", token)).toEqual({
        ok: false,
        reason: "TOO_MANY_ATTEMPTS",
      });
    }
    expect(
      await signInWithPassword("owner-forged@example.com", "pw one two three", "198.51.100.30", device),
    ).toMatchObject({ ok: true });
  }, 60_000);

  it("a stolen device token buys no more guesses than the account's limit", async () => {
    const device = await ownerDevice("owner-stolen@example.com", "pw seven eight");
    const outcomes = [];
    for (let i = 0; i < 5; i += 1)
      outcomes.push(await signInWithPassword("owner-stolen@example.com", `guess ${i}`, `198.51.100.${40 + i}`, device));
    expect(outcomes.map((outcome) => (outcome.ok ? "ok" : outcome.reason))).toEqual([
      "INVALID_CREDENTIALS",
      "INVALID_CREDENTIALS",
      "INVALID_CREDENTIALS",
      "TOO_MANY_ATTEMPTS",
      "TOO_MANY_ATTEMPTS",
    ]);
  }, 60_000);
});
