import "server-only";
import { db } from "@/lib/db";
import { emailFitsLinkDomain } from "./invite-link-status";

/** What /join/<token> needs to know of the signed-in visitor: member already, verified, right domain. */
export async function readLinkJoiner(userId: string, team: { slug: string }, allowedDomain: string | null) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      emailCanonical: true,
      emailVerifiedAt: true,
      memberships: { where: { team: { slug: team.slug } }, select: { id: true } },
    },
  });
  if (!user) return null;
  return {
    alreadyMember: user.memberships.length > 0,
    verified: user.emailVerifiedAt !== null,
    fitsDomain: emailFitsLinkDomain(user.emailCanonical, allowedDomain),
  };
}
