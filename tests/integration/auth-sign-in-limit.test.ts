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
    expect(outcomes.filter((outcome) => !outcome.ok && outcome.reason === "TOO_MANY_ATTEMPTS").length).toBe(12 - evaluated.length);
    expect(await signInWithPassword("parallel@example.com", "the real password", "192.0.2.200")).toEqual({ ok: false, reason: "TOO_MANY_ATTEMPTS" });
  }, 60_000);

  it("does the same per client address across many accounts", async () => {
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => signInWithPassword(`spray-${i}@example.com`, "guess", "192.0.2.250")));
    expect(outcomes.filter((outcome) => !outcome.ok && outcome.reason === "INVALID_CREDENTIALS").length).toBeLessThanOrEqual(15);
    expect(await signInWithPassword("spray-new@example.com", "guess", "192.0.2.250")).toEqual({ ok: false, reason: "TOO_MANY_ATTEMPTS" });
  }, 60_000);

  it("gives a successful sign-in's count back, so signing in often never locks anyone out", async () => {
    await userWithPassword("regular@example.com", "correct horse");
    expect(await signInWithPassword("regular@example.com", "typo", "192.0.2.7")).toMatchObject({ ok: false, reason: "INVALID_CREDENTIALS" });
    expect(await signInWithPassword("regular@example.com", "typo", "192.0.2.7")).toMatchObject({ ok: false, reason: "INVALID_CREDENTIALS" });
    for (let i = 0; i < 5; i += 1) expect(await signInWithPassword("regular@example.com", "correct horse", "192.0.2.7")).toMatchObject({ ok: true });
    expect(await signInWithPassword("regular@example.com", "typo", "192.0.2.7")).toMatchObject({ ok: false, reason: "INVALID_CREDENTIALS" });
    expect(await signInWithPassword("regular@example.com", "correct horse", "192.0.2.7")).toEqual({ ok: false, reason: "TOO_MANY_ATTEMPTS" });
  }, 60_000);
});
