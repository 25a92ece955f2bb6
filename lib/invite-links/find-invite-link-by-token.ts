import "server-only";
import { hashInviteLinkToken } from "@/lib/crypto/invite-link-token";
import { db } from "@/lib/db";
import { readDatabaseNow } from "@/lib/db/database-now";
import { deriveInviteLinkStatus, type InviteLinkStatus } from "./invite-link-status";

export type InviteLinkView =
  | { state: "invalid" }
  | {
      state: InviteLinkStatus;
      team: { name: string; slug: string };
      role: { name: string; key: string; builtIn: boolean };
      creator: { name: string } | null;
      allowedDomain: string | null;
      expiresAt: Date;
    };

/**
 * What /join/<token> shows. A GET never writes (mail and chat previews open links); unknown and
 * malformed tokens cost the same single indexed read and answer "invalid".
 */
export async function findInviteLinkByToken(token: string): Promise<InviteLinkView> {
  const [link, now] = await Promise.all([
    db.inviteLink.findUnique({
      where: { tokenHash: hashInviteLinkToken(token) },
      select: {
        uses: true,
        maxUses: true,
        expiresAt: true,
        revokedAt: true,
        allowedDomain: true,
        team: { select: { name: true, slug: true } },
        role: { select: { name: true, key: true, builtIn: true } },
        creator: { select: { name: true } },
      },
    }),
    readDatabaseNow(db),
  ]);
  if (!link) return { state: "invalid" };
  return {
    state: deriveInviteLinkStatus(link, now),
    team: link.team,
    role: link.role,
    creator: link.creator,
    allowedDomain: link.allowedDomain,
    expiresAt: link.expiresAt,
  };
}
