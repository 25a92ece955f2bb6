import "server-only";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { buildInvitationUrl, unsealInvitationToken } from "@/lib/crypto/invitation-token";
import { db } from "@/lib/db";
import { fail } from "@/lib/result";
import type { TeamRef } from "@/lib/teams/authorize-team";
import { authorizeInvitation } from "./authorize-invitation";

/**
 * "Copy link": the link of a pending invitation, the only way a token leaves the server after
 * creation (the invite itself returns the link of a single new invitation to its inviter), and
 * always recorded as `invitation.link_copied`.
 */
export async function getInvitationLink(actor: Actor | null, team: TeamRef, invitationId: string) {
  const auth = await authorizeInvitation(actor, team, invitationId);
  if (!auth.ok) return auth;
  const { access, invitation } = auth;
  const rows = await db.$queryRaw<Array<{ tokenSealed: string }>>`
    SELECT "tokenSealed"
    FROM "Invitation"
    WHERE "id" = ${invitation.id}::uuid AND "teamId" = ${access.team.id}::uuid AND "status" = 'PENDING' AND "expiresAt" > now()`;
  const row = rows[0];
  if (!row) return fail("CONFLICT", "Only a pending invitation has a working link. Resend it to get a new one.");
  const token = unsealInvitationToken(row.tokenSealed);
  if (!token)
    return fail(
      "CONFLICT",
      "This link can no longer be recovered (the server's secret changed). Resend the invitation.",
    );
  await recordAuditEvents(db, [
    {
      teamId: access.team.id,
      actorId: access.membership.userId,
      action: "invitation.link_copied",
      targetType: "invitation",
      targetId: invitation.id,
      metadata: { email: invitation.email },
    },
  ]);
  return { ok: true as const, url: buildInvitationUrl(token) };
}
