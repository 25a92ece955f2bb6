import "server-only";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { buildInviteLinkUrl, unsealInviteLinkToken } from "@/lib/crypto/invite-link-token";
import { db } from "@/lib/db";
import { fail } from "@/lib/result";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { inviteLinkIdSchema } from "./invite-link-schemas";

/** "Copy link": the URL of a link that still works, recorded as `invite_link.copied`. */
export async function getInviteLinkUrl(actor: Actor | null, team: TeamRef, linkId: unknown) {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  const id = inviteLinkIdSchema.safeParse(linkId);
  if (!id.success) return fail("NOT_FOUND", "Invite link not found.");
  const rows = await db.$queryRaw<Array<{ tokenSealed: string }>>`
    SELECT "tokenSealed" FROM "InviteLink"
    WHERE "id" = ${id.data}::uuid AND "teamId" = ${access.team.id}::uuid
      AND "revokedAt" IS NULL AND "expiresAt" > now() AND "uses" < "maxUses"`;
  const row = rows[0];
  if (!row) return fail("CONFLICT", "Only a working link can be copied. Create a new one.");
  const token = unsealInviteLinkToken(row.tokenSealed);
  if (!token)
    return fail("CONFLICT", "This link can no longer be recovered (the server's secret changed). Create a new one.");
  await recordAuditEvents(db, [
    {
      teamId: access.team.id,
      actorId: access.membership.userId,
      action: "invite_link.copied",
      targetType: "invite_link",
      targetId: id.data,
    },
  ]);
  return { ok: true as const, url: buildInviteLinkUrl(token) };
}
