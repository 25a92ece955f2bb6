import "server-only";
import { db } from "@/lib/db";
import type { JoinableTeamDto } from "./join-request-dto";

/**
 * "Teams you can join": teams open to the user's verified address's domain (subdomains included)
 * whose policy is not OFF and that they are not in. Nothing for an unverified address.
 */
export async function listJoinableTeams(userId: string): Promise<{ verified: boolean; teams: JoinableTeamDto[] }> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { emailCanonical: true, emailVerifiedAt: true },
  });
  if (!user?.emailVerifiedAt) return { verified: false, teams: [] };
  const domain = user.emailCanonical.split("@").pop() ?? "";
  const teams = await db.$queryRaw<JoinableTeamDto[]>`
    SELECT t."slug", t."name", t."joinPolicy"::text AS "policy",
      EXISTS (SELECT 1 FROM "JoinRequest" j WHERE j."teamId" = t."id" AND j."pendingKey" = ${user.emailCanonical}) AS "requested"
    FROM "Team" t
    WHERE t."joinPolicy" <> 'OFF'
      AND EXISTS (SELECT 1 FROM unnest(t."allowedDomains") d WHERE d = ${domain} OR right(${domain}, length(d) + 1) = '.' || d)
      AND NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."teamId" = t."id" AND m."userId" = ${userId}::uuid)
    ORDER BY t."name", t."id"
    LIMIT 50`;
  return { verified: true, teams };
}
