import "server-only";
import type { Db } from "@/lib/db";
import { readDatabaseNow } from "@/lib/db/database-now";
import type { InviteLinkDto } from "./invite-link-dto";
import { deriveInviteLinkStatus } from "./invite-link-status";

export const MAX_LISTED_INVITE_LINKS = 200;

/** A team's links, newest first, or one of them: never the token, its hash or its sealed copy. */
export async function readInviteLinkDtos(
  db: Pick<Db, "inviteLink" | "$queryRaw">,
  teamId: string,
  linkId?: string,
): Promise<InviteLinkDto[]> {
  const [rows, now] = await Promise.all([
    db.inviteLink.findMany({
      where: { teamId, ...(linkId ? { id: linkId } : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: MAX_LISTED_INVITE_LINKS,
      select: {
        id: true,
        allowedDomain: true,
        uses: true,
        maxUses: true,
        expiresAt: true,
        revokedAt: true,
        createdAt: true,
        role: { select: { id: true, name: true, key: true, builtIn: true } },
        creator: { select: { name: true, email: true } },
      },
    }),
    readDatabaseNow(db),
  ]);
  return rows.map(({ creator, ...row }) => ({ ...row, createdBy: creator, status: deriveInviteLinkStatus(row, now) }));
}
