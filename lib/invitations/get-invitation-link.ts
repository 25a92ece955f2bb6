import "server-only";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { buildInvitationUrl, unsealInvitationToken } from "@/lib/crypto/invitation-token";
import { db } from "@/lib/db";
import { fail } from "@/lib/result";
import type { TeamRef } from "@/lib/teams/authorize-team";
import { authorizeInvitation } from "./authorize-invitation";

/** How long after inviting the inviter may see the new link without it counting as copied. */
const SHOWN_WINDOW_MINUTES = 10;

export type InvitationLinkUse = "copied" | "shown";

/**
 * The link of a pending invitation: the only way a token leaves the server after creation.
 * "copied" (the copy-link operation) records `invitation.link_copied`. "shown" is the invite
 * dialog displaying the link it just created: no copy happened, so nothing is recorded, and it
 * is refused for anyone but the inviter or after a few minutes, so it never becomes an
 * unrecorded way to read links.
 */
export async function getInvitationLink(
  actor: Actor | null,
  team: TeamRef,
  invitationId: string,
  use: InvitationLinkUse = "copied",
) {
  const auth = await authorizeInvitation(actor, team, invitationId);
  if (!auth.ok) return auth;
  const { access, invitation } = auth;
  const rows = await db.$queryRaw<Array<{ tokenSealed: string; justCreatedByActor: boolean }>>`
    SELECT "tokenSealed",
      ("inviterId" IS NOT DISTINCT FROM ${access.membership.userId}::uuid
        AND "createdAt" > now() - make_interval(mins => ${SHOWN_WINDOW_MINUTES}::int)) AS "justCreatedByActor"
    FROM "Invitation"
    WHERE "id" = ${invitation.id}::uuid AND "teamId" = ${access.team.id}::uuid AND "status" = 'PENDING' AND "expiresAt" > now()`;
  const row = rows[0];
  if (!row) return fail("CONFLICT", "Only a pending invitation has a working link. Resend it to get a new one.");
  if (use === "shown" && !row.justCreatedByActor)
    return fail("CONFLICT", "Copy the link from the invitation's menu instead.");
  const token = unsealInvitationToken(row.tokenSealed);
  if (!token)
    return fail(
      "CONFLICT",
      "This link can no longer be recovered (the server's secret changed). Resend the invitation.",
    );
  if (use === "shown") return { ok: true as const, url: buildInvitationUrl(token) };
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
