import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { test as base, type BrowserContext } from "@playwright/test";

export { expect } from "@playwright/test";

/** The seeded accounts (prisma/seed.ts), each signed in once per run by e2e/sign-in-seed-users.setup.ts. */
export const SEED_USERS = ["owner@acme.test", "admin@acme.test", "member@acme.test", "owner@globex.test"] as const;
export type SeedUser = (typeof SEED_USERS)[number];

/**
 * Where a seed user's signed-in browser state is kept (gitignored), for
 * `browser.newContext({ storageState })`. Every test shares that one session, so a test that signs
 * out, changes or resets a password, or removes someone from all their teams must do it with its
 * own sign-in or its own account: any of those would end the shared session for everyone.
 */
export function storageStateOf(user: SeedUser): string {
  return fileURLToPath(new URL(`../playwright/.auth/${user}.json`, import.meta.url));
}

/** Signs an existing context in as a seed user from the stored session (a test that switches users midway). */
export async function addStoredSession(context: BrowserContext, user: SeedUser): Promise<void> {
  const state = JSON.parse(await readFile(storageStateOf(user), "utf8")) as {
    cookies: Parameters<BrowserContext["addCookies"]>[0];
  };
  await context.addCookies(state.cookies);
}

type SignedInFixtures = {
  /**
   * `test.use({ signedInAs })`: the test's own `context` and `page` start signed in as that seed
   * user. Unlike the `storageState` option, contexts and request contexts the test creates itself
   * (an invitee, a stranger) stay signed out.
   */
  signedInAs: SeedUser | null;
};

export const test = base.extend<SignedInFixtures>({
  signedInAs: [null, { option: true }],
  // `use` would trip the React hooks lint rule, which takes any call named `use` for a hook.
  context: async ({ context, signedInAs }, provide) => {
    if (signedInAs) await addStoredSession(context, signedInAs);
    await provide(context);
  },
});
