import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/create-client";
import { canonicalizeEmail } from "@/lib/email/parse-email";
import { createTeam } from "@/lib/teams/create-team";

const suffix = () => randomBytes(4).toString("hex");

/** Verified by default, like every account Teamgate creates (sign-up from an invitation, the seed). */
export async function createUser(db: Db, overrides: { email?: string; name?: string; verified?: boolean } = {}) {
  const email = overrides.email ?? `user-${suffix()}@example.com`;
  return db.user.create({
    data: {
      email,
      emailCanonical: canonicalizeEmail(email),
      name: overrides.name ?? `User ${suffix()}`,
      emailVerifiedAt: overrides.verified === false ? null : new Date(),
    },
  });
}

export const asActor = (user: { id: string }): Actor => ({ kind: "user", userId: user.id });

/** A team with an owner, an admin and a member, each a fresh user; plus two groups. */
export async function createTeamWithMembers(
  db: Db,
  options: { allowedDomains?: string[]; seatLimit?: number; lifetimeDays?: number } = {},
) {
  const slug = `team-${suffix()}`;
  const owner = await createUser(db, { name: "Owner" });
  const team = await createTeam(db, {
    name: `Team ${slug}`,
    slug,
    ownerId: owner.id,
    allowedDomains: options.allowedDomains,
  });
  if (options.seatLimit !== undefined || options.lifetimeDays !== undefined) {
    await db.team.update({
      where: { id: team.id },
      data: { seatLimit: options.seatLimit ?? null, invitationLifetimeDays: options.lifetimeDays ?? 7 },
    });
  }
  const roles = Object.fromEntries(team.roles.map((role) => [role.key, role])) as Record<
    "owner" | "admin" | "member",
    (typeof team.roles)[number]
  >;
  const admin = await createUser(db, { name: "Admin" });
  const member = await createUser(db, { name: "Member" });
  await db.membership.createMany({
    data: [
      { teamId: team.id, userId: admin.id, roleId: roles.admin.id },
      { teamId: team.id, userId: member.id, roleId: roles.member.id },
    ],
  });
  const groups = await Promise.all(
    ["Engineering", "Sales"].map((name) => db.group.create({ data: { teamId: team.id, name } })),
  );
  return {
    team: { id: team.id, slug, name: team.name },
    ref: { teamId: team.id },
    roles,
    owner,
    admin,
    member,
    groups,
  };
}
