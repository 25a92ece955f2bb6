import "server-only";
import type { Db } from "@/lib/db";
import { BUILT_IN_ROLES } from "@/lib/permissions/catalogue";

type Writer = Pick<Db, "team">;

/** A team always starts with the built-in roles and its creator as owner. */
export async function createTeam(
  db: Writer,
  input: { name: string; slug: string; ownerId: string; allowedDomains?: string[] },
) {
  return db.team
    .create({
      data: {
        name: input.name,
        slug: input.slug,
        allowedDomains: input.allowedDomains ?? [],
        roles: {
          create: BUILT_IN_ROLES.map((role) => ({
            key: role.key,
            name: role.name,
            rank: role.rank,
            permissions: [...role.permissions],
            builtIn: true,
          })),
        },
      },
      include: { roles: true },
    })
    .then(async (team) => {
      const owner = team.roles.find((role) => role.key === "owner")!;
      await db.team.update({
        where: { id: team.id },
        data: { memberships: { create: { userId: input.ownerId, roleId: owner.id } } },
      });
      return team;
    });
}
