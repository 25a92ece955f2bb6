import { decode, encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { asActor, createTeamWithMembers, createUser } from "../helpers/factories";
import { getTestDatabase } from "../helpers/test-database";

// The request's cookie jar, as next/headers would give it to a page or an action.
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined) }),
}));

const { authOptions } = await import("@/lib/auth/auth-options");
const { createUserSession } = await import("@/lib/auth/create-user-session");
const { getCurrentUser } = await import("@/lib/auth/current-user");
const { renewSessionCookie } = await import("@/lib/auth/renew-session-cookie");
const { SESSION_COOKIE } = await import("@/lib/auth/session-cookie");
const { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } = await import("@/lib/auth/session-lifetime");
const { env } = await import("@/lib/env");
const { removeMember } = await import("@/lib/members/manage-member");

const { db } = getTestDatabase();
const now = () => Math.floor(Date.now() / 1000);

/** What next-auth stores in the cookie when `user` signs in (authorize's session row, the jwt callback, then encode). */
async function signInCookie(userId: string) {
  const sessionId = await createUserSession(userId);
  const token = await authOptions.callbacks!.jwt!({
    token: {},
    user: { id: userId, sessionId },
    account: null,
  } as never);
  return encode({ token, secret: env.AUTH_SECRET, maxAge: authOptions.session!.maxAge! });
}

async function currentUserWith(cookie: string) {
  jar.set(SESSION_COOKIE.name, cookie);
  return getCurrentUser();
}

async function signOutWith(cookie: string) {
  await authOptions.events!.signOut!({
    token: (await decode({ token: cookie, secret: env.AUTH_SECRET }))!,
    session: null as never,
  });
}

describe("sessions end on the server, not only in the browser", () => {
  it("a copied cookie stops working once its owner signs out, and signing in again works", async () => {
    const user = await createUser(db);
    const cookie = await signInCookie(user.id);
    expect(await currentUserWith(cookie)).toMatchObject({ id: user.id });

    await signOutWith(cookie);
    expect(await currentUserWith(cookie)).toBeNull();

    const fresh = await signInCookie(user.id);
    expect(await currentUserWith(fresh)).toMatchObject({ id: user.id });
  });

  it("signing out in one browser leaves the user's other browsers signed in", async () => {
    const user = await createUser(db);
    const laptop = await signInCookie(user.id);
    const phone = await signInCookie(user.id);
    await signOutWith(laptop);
    expect(await currentUserWith(laptop)).toBeNull();
    expect(await currentUserWith(phone)).toMatchObject({ id: user.id });
  });

  it("removal from the last of one's teams ends the member's sessions; removal from one of two does not", async () => {
    const first = await createTeamWithMembers(db);
    const second = await createTeamWithMembers(db);
    const person = first.member;
    await db.membership.create({ data: { teamId: second.team.id, userId: person.id, roleId: second.roles.member.id } });
    const cookie = await signInCookie(person.id);
    const membership = (teamId: string) =>
      db.membership.findUniqueOrThrow({ where: { teamId_userId: { teamId, userId: person.id } } });

    expect(await removeMember(asActor(first.admin), first.ref, (await membership(first.team.id)).id)).toMatchObject({
      ok: true,
    });
    expect(await currentUserWith(cookie)).toMatchObject({ id: person.id });
    expect(await removeMember(asActor(second.admin), second.ref, (await membership(second.team.id)).id)).toMatchObject({
      ok: true,
    });
    expect(await currentUserWith(cookie)).toBeNull();
    // The admin who removed them is still signed in.
    expect(await currentUserWith(await signInCookie(second.admin.id))).toMatchObject({ id: second.admin.id });
  });

  it("refuses tokens without a session (issued before server-side sessions), forged ones, and another user's session", async () => {
    const user = await createUser(db);
    const other = await createUser(db);
    const legacy = await encode({ token: { sub: user.id }, secret: env.AUTH_SECRET, maxAge: 60 });
    expect(await currentUserWith(legacy)).toBeNull();
    const sid = await createUserSession(user.id);
    const forged = await encode({
      token: { sub: user.id, sid, authTime: now() },
      secret: "another-secret-another-secret-another-secret",
      maxAge: 60,
    });
    expect(await currentUserWith(forged)).toBeNull();
    const mismatched = await encode({
      token: { sub: other.id, sid, authTime: now() },
      secret: env.AUTH_SECRET,
      maxAge: 60,
    });
    expect(await currentUserWith(mismatched)).toBeNull();
  });

  it("a session lives 12 idle hours at most, and never more than 7 days after the password was typed", async () => {
    expect(authOptions.session).toMatchObject({ strategy: "jwt", maxAge: 12 * 60 * 60 });
    const user = await createUser(db);
    const cookie = await signInCookie(user.id);
    const row = await db.userSession.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(SESSION_ABSOLUTE_SECONDS * 1000);
    await db.userSession.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await currentUserWith(cookie)).toBeNull();
    // The next sign-in clears rows past their end.
    await signInCookie(user.id);
    expect(await db.userSession.count({ where: { id: row.id } })).toBe(0);
  });
});

describe("sliding renewal", () => {
  it("re-issues a token in use after 15 minutes with a fresh idle lifetime and the same claims", async () => {
    const user = await createUser(db);
    const cookie = await signInCookie(user.id);
    expect(await renewSessionCookie(cookie, now())).toBeNull();

    const later = now() + 20 * 60;
    const renewed = await renewSessionCookie(cookie, later);
    expect(renewed).toMatchObject({ maxAge: SESSION_IDLE_SECONDS });
    const before = await decode({ token: cookie, secret: env.AUTH_SECRET });
    const after = await decode({ token: renewed!.value, secret: env.AUTH_SECRET });
    expect(after).toMatchObject({ sub: user.id, sid: before!.sid, authTime: before!.authTime });
    expect(await currentUserWith(renewed!.value)).toMatchObject({ id: user.id });
  });

  it("never renews past the absolute lifetime, nor a token that is not ours", async () => {
    const user = await createUser(db);
    const authTime = now() - SESSION_ABSOLUTE_SECONDS + 3600;
    const sid = await createUserSession(user.id);
    const nearlyOld = await encode({
      token: { sub: user.id, sid, authTime },
      secret: env.AUTH_SECRET,
      maxAge: SESSION_IDLE_SECONDS,
    });
    const renewed = await renewSessionCookie(nearlyOld, now() + 20 * 60);
    expect(renewed!.maxAge).toBeLessThanOrEqual(3600 - 20 * 60);
    expect(await renewSessionCookie(nearlyOld, now() + 3600)).toBeNull();
    expect(await renewSessionCookie("not-a-token", now() + 3600)).toBeNull();
    expect(await renewSessionCookie(undefined, now())).toBeNull();
  });
});
