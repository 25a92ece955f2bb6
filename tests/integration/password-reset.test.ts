import { describe, expect, it, vi } from "vitest";
import { createUser } from "../helpers/factories";
import { startWithinOneWindow } from "../helpers/rate-limit-window";
import { getTestDatabase } from "../helpers/test-database";

vi.hoisted(() => {
  process.env.RESEND_API_KEY = "";
});

const { changePassword } = await import("@/lib/auth/change-password");
const { createUserSession } = await import("@/lib/auth/create-user-session");
const { hashPassword, verifyPassword } = await import("@/lib/auth/password");
const { PASSWORD_RESET_POLICY } = await import("@/lib/auth/password-reset-policy");
const { hashPasswordResetToken } = await import("@/lib/auth/password-reset-token");
const { readPasswordResetLink } = await import("@/lib/auth/read-password-reset-link");
const { PASSWORD_RESET_ANSWER_MS, requestPasswordReset } = await import("@/lib/auth/request-password-reset");
const { resetPassword } = await import("@/lib/auth/reset-password");
const { deliverQueuedEmails } = await import("@/lib/email/deliver-queued-emails");

const { db, engine } = getTestDatabase();
let clients = 0;
/** A fresh client address per test, so the per-client limit only counts what the test does. */
const client = () => `198.51.100.${++clients}`;
const NEW_PASSWORD = "a-brand-new-password";

async function userWithPassword(password = "the-old-password-1") {
  const user = await createUser(db);
  await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  return user;
}

/** Asks for a link and reads it from the local mailbox, as the person would. */
async function requestLink(email: string, clientAddress = client(), language = "en") {
  expect(await requestPasswordReset({ email }, { clientAddress, language })).toEqual({ ok: true });
  await deliverQueuedEmails();
  const message = await db.mailboxMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  const token = /\/reset-password\/(tgr_[A-Za-z0-9_-]{43})/.exec(message.text)?.[1];
  if (!token) throw new Error(`no link in ${message.text}`);
  return { token, message };
}

const sessionsOf = (userId: string) => db.userSession.count({ where: { userId } });

describe(`password reset (${engine})`, () => {
  it("answers the same for known and unknown addresses, in about the same time, and writes only for the known one", async () => {
    const user = await userWithPassword();
    const timings: Record<string, number> = {};
    for (const email of [user.email, "nobody-here@example.com"]) {
      const started = performance.now();
      expect(await requestPasswordReset({ email }, { clientAddress: client(), language: "en" })).toEqual({ ok: true });
      timings[email] = performance.now() - started;
    }
    for (const took of Object.values(timings)) expect(took).toBeGreaterThanOrEqual(PASSWORD_RESET_ANSWER_MS - 5);
    expect(Math.abs(timings[user.email]! - timings["nobody-here@example.com"]!)).toBeLessThan(150);
    expect(await db.passwordResetToken.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { kind: "password_reset", to: "nobody-here@example.com" } })).toBe(0);
    expect(
      await requestPasswordReset({ email: "not an address" }, { clientAddress: client(), language: "en" }),
    ).toMatchObject({ ok: false, code: "INVALID" });
  });

  it("emails a single-use link in the asker's language; the token is stored only as its hash", async () => {
    const user = await userWithPassword();
    // Asked with another capitalisation: the email still goes to the account's own address.
    expect(
      await requestPasswordReset({ email: user.email.toUpperCase() }, { clientAddress: client(), language: "fr" }),
    ).toEqual({ ok: true });
    const { token, message } = await requestLink(user.email, client(), "fr");
    expect(message.to).toBe(user.email);
    expect(message.subject).toBe("Réinitialisez votre mot de passe Teamgate");
    expect(message.text).toContain(`${PASSWORD_RESET_POLICY.lifetimeMinutes} minutes`);
    const row = await db.passwordResetToken.findUniqueOrThrow({ where: { tokenHash: hashPasswordResetToken(token) } });
    expect(row.userId).toBe(user.id);
    const dump = JSON.stringify([
      await db.passwordResetToken.findMany(),
      await db.emailOutbox.findMany({ where: { kind: "password_reset" } }),
    ]);
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(token.slice(4));
    expect(await readPasswordResetLink(token)).toEqual({ state: "valid", email: user.email });
  });

  it("sets the new password, ends every session, spends every link of the account, and a second use says used", async () => {
    const user = await userWithPassword("the-old-password-1");
    await createUserSession(user.id);
    await createUserSession(user.id);
    const first = await requestLink(user.email);
    const second = await requestLink(user.email);
    expect(await sessionsOf(user.id)).toBe(2);

    expect(await resetPassword(second.token, { password: "short" }, { clientAddress: client() })).toMatchObject({
      ok: false,
      code: "INVALID",
    });
    expect(await readPasswordResetLink(second.token)).toMatchObject({ state: "valid" });

    expect(await resetPassword(second.token, { password: NEW_PASSWORD }, { clientAddress: client() })).toEqual({
      ok: true,
      email: user.email,
    });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await verifyPassword(NEW_PASSWORD, stored.passwordHash!)).toBe(true);
    expect(await verifyPassword("the-old-password-1", stored.passwordHash!)).toBe(false);
    expect(await sessionsOf(user.id)).toBe(0);
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "user.password_reset" } })).toBe(1);

    for (const token of [second.token, first.token]) {
      expect(await readPasswordResetLink(token)).toEqual({ state: "used", email: null });
      expect(await resetPassword(token, { password: "another-password-2" }, { clientAddress: client() })).toMatchObject(
        { ok: false, code: "GONE", linkState: "used" },
      );
    }
    expect(
      await resetPassword(`tgr_${"A".repeat(43)}`, { password: NEW_PASSWORD }, { clientAddress: client() }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND", linkState: "invalid" });
    expect(await resetPassword("garbage", { password: NEW_PASSWORD }, { clientAddress: client() })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });

  it("two concurrent uses of one link: exactly one succeeds", async () => {
    // PGlite runs one statement at a time, so the race is proven on PostgreSQL; a few rounds there suffice.
    for (let round = 0; round < (engine === "postgres" ? 8 : 2); round += 1) {
      const user = await userWithPassword();
      const { token } = await requestLink(user.email);
      const results = await Promise.all(
        ["first-racing-password", "second-racing-password"].map((password) =>
          resetPassword(token, { password }, { clientAddress: client() }),
        ),
      );
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.find((result) => !result.ok)).toMatchObject({ code: "GONE", linkState: "used" });
      const winner = results[0]!.ok ? "first-racing-password" : "second-racing-password";
      const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
      expect(await verifyPassword(winner, stored.passwordHash!)).toBe(true);
      expect(await db.auditEvent.count({ where: { actorId: user.id, action: "user.password_reset" } })).toBe(1);
    }
  });

  it("a link expires after its lifetime (database clock) and is then not even sent", async () => {
    const user = await userWithPassword();
    const { token } = await requestLink(user.email);
    await db.$executeRaw`UPDATE "PasswordResetToken" SET "expiresAt" = now() - interval '1 second' WHERE "userId" = ${user.id}::uuid`;
    expect(await readPasswordResetLink(token)).toEqual({ state: "expired", email: null });
    expect(await resetPassword(token, { password: NEW_PASSWORD }, { clientAddress: client() })).toMatchObject({
      ok: false,
      code: "GONE",
      linkState: "expired",
    });

    // A link that expired while the email waited in the outbox is skipped, not sent.
    expect(await requestPasswordReset({ email: user.email }, { clientAddress: client(), language: "en" })).toEqual({
      ok: true,
    });
    await db.$executeRaw`UPDATE "PasswordResetToken" SET "expiresAt" = now() - interval '1 second' WHERE "userId" = ${user.id}::uuid AND "usedAt" IS NULL`;
    expect(await deliverQueuedEmails()).toMatchObject({ sent: 0, skipped: 1 });
  });

  it("new links expire 30 minutes after they are asked for", async () => {
    const user = await userWithPassword();
    await requestPasswordReset({ email: user.email }, { clientAddress: client(), language: "en" });
    const [row] = await db.$queryRaw<Array<{ minutes: number }>>`
      SELECT extract(epoch FROM ("expiresAt" - "createdAt")) / 60 AS "minutes" FROM "PasswordResetToken" WHERE "userId" = ${user.id}::uuid`;
    expect(Math.round(Number(row!.minutes))).toBe(30);
  });

  it("limits requests per address (known or not) and per client address", async () => {
    const user = await userWithPassword();
    // About 30 requests, each answering after PASSWORD_RESET_ANSWER_MS.
    await startWithinOneWindow(db, PASSWORD_RESET_POLICY.windowSeconds, 60);
    for (let index = 0; index < PASSWORD_RESET_POLICY.perAddress; index += 1) {
      expect(await requestPasswordReset({ email: user.email }, { clientAddress: client(), language: "en" })).toEqual({
        ok: true,
      });
    }
    const refused = await requestPasswordReset({ email: user.email }, { clientAddress: client(), language: "en" });
    expect(refused).toMatchObject({ ok: false, code: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) });
    // The same for an address with no account: the limit says nothing about who exists.
    for (let index = 0; index < PASSWORD_RESET_POLICY.perAddress; index += 1) {
      await requestPasswordReset({ email: "ghost@example.com" }, { clientAddress: client(), language: "en" });
    }
    expect(
      await requestPasswordReset({ email: "Ghost@Example.com" }, { clientAddress: client(), language: "en" }),
    ).toMatchObject({ code: "RATE_LIMITED" });
    expect(await db.passwordResetToken.count({ where: { userId: user.id } })).toBe(PASSWORD_RESET_POLICY.perAddress);

    const address = client();
    for (let index = 0; index < PASSWORD_RESET_POLICY.perClient; index += 1) {
      expect(
        await requestPasswordReset(
          { email: `someone-${index}@example.com` },
          { clientAddress: address, language: "en" },
        ),
      ).toEqual({ ok: true });
    }
    expect(
      await requestPasswordReset({ email: "one-more@example.com" }, { clientAddress: address, language: "en" }),
    ).toMatchObject({ code: "RATE_LIMITED" });
    // Using links counts against the same per-client budget.
    expect(
      await resetPassword(`tgr_${"B".repeat(43)}`, { password: NEW_PASSWORD }, { clientAddress: address }),
    ).toMatchObject({ code: "RATE_LIMITED" });
  }, 120_000);
});

describe(`password change (${engine})`, () => {
  it("needs the current password, keeps this session, ends the others and spends open reset links", async () => {
    const user = await userWithPassword("the-current-password");
    const here = await createUserSession(user.id);
    await createUserSession(user.id);
    await createUserSession(user.id);
    const { token } = await requestLink(user.email);
    const actor = { kind: "user" as const, userId: user.id };

    expect(
      await changePassword(actor, here, { currentPassword: "wrong-password-here", newPassword: NEW_PASSWORD }),
    ).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { currentPassword: expect.any(Array) },
    });
    expect(
      await changePassword(actor, here, { currentPassword: "the-current-password", newPassword: "short" }),
    ).toMatchObject({ ok: false, code: "INVALID" });
    expect(
      await changePassword(null, null, { currentPassword: "the-current-password", newPassword: NEW_PASSWORD }),
    ).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await sessionsOf(user.id)).toBe(3);

    expect(
      await changePassword(actor, here, { currentPassword: "the-current-password", newPassword: NEW_PASSWORD }),
    ).toEqual({ ok: true, sessionsEnded: 2 });
    expect(await db.userSession.findMany({ where: { userId: user.id }, select: { id: true } })).toEqual([{ id: here }]);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await verifyPassword(NEW_PASSWORD, stored.passwordHash!)).toBe(true);
    expect(await readPasswordResetLink(token)).toMatchObject({ state: "used" });
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "user.password_changed" } })).toBe(1);
  });

  it("wrong current passwords are limited per account", async () => {
    const user = await userWithPassword("the-current-password");
    const here = await createUserSession(user.id);
    const actor = { kind: "user" as const, userId: user.id };
    for (let index = 0; index < 10; index += 1) {
      expect(
        await changePassword(actor, here, { currentPassword: `guess-${index}-password`, newPassword: NEW_PASSWORD }),
      ).toMatchObject({ code: "INVALID" });
    }
    expect(
      await changePassword(actor, here, { currentPassword: "the-current-password", newPassword: NEW_PASSWORD }),
    ).toMatchObject({ code: "RATE_LIMITED" });
  });
});
