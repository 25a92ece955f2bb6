import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/create-client";
import { canonicalizeEmail } from "@/lib/email/parse-email";
import { createTeam } from "@/lib/teams/create-team";

/** Development and test credentials only; documented in README. Never runs in production. */
export const SEED_PASSWORD = "teamgate-dev-password";

const USERS = [
  { email: "owner@acme.test", name: "Olivia Owner" },
  { email: "admin@acme.test", name: "Adam Admin" },
  { email: "member@acme.test", name: "Mia Member" },
  { email: "owner@globex.test", name: "Gina Globex" },
] as const;

export async function seedDatabase(db: Db): Promise<void> {
  const passwordHash = await hashPassword(SEED_PASSWORD);
  const users = new Map<string, string>();
  for (const user of USERS) {
    const created = await db.user.create({
      data: { ...user, emailCanonical: canonicalizeEmail(user.email), passwordHash, emailVerifiedAt: new Date() },
    });
    users.set(user.email, created.id);
  }

  const acme = await createTeam(db, { name: "Acme", slug: "acme", ownerId: users.get("owner@acme.test")! });
  const role = (key: string) => acme.roles.find((r) => r.key === key)!.id;
  await db.membership.createMany({
    data: [
      { teamId: acme.id, userId: users.get("admin@acme.test")!, roleId: role("admin") },
      { teamId: acme.id, userId: users.get("member@acme.test")!, roleId: role("member") },
    ],
  });
  await db.group.createMany({
    data: ["Engineering", "Design", "Sales"].map((name) => ({ teamId: acme.id, name })),
  });

  await createTeam(db, { name: "Globex", slug: "globex", ownerId: users.get("owner@globex.test")! });
  // A second team for Globex's owner: the team switcher has something to switch to, and the
  // end-to-end tests keep it free of invitations to see the empty state.
  await createTeam(db, { name: "Initech", slug: "initech", ownerId: users.get("owner@globex.test")! });
}
