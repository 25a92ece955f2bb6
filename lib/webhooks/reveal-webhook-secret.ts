import "server-only";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { fail } from "@/lib/result";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { isUuid } from "@/lib/validation/uuid";
import { unsealWebhookSecret } from "./seal-webhook-secret";

/** team.settings. Each reveal is recorded, so the team can see who has read the secret. */
export async function revealWebhookSecret(actor: Actor | null, team: TeamRef, endpointId: string) {
  const access = await authorizeTeam(db, actor, team, "team.settings");
  if (!access.ok) return access;
  if (!isUuid(endpointId)) return fail("NOT_FOUND", "Webhook endpoint not found.");
  const endpoint = await db.webhookEndpoint.findFirst({
    where: { id: endpointId, teamId: access.team.id },
    select: { secretSealed: true, url: true },
  });
  if (!endpoint) return fail("NOT_FOUND", "Webhook endpoint not found.");
  const secret = unsealWebhookSecret(endpoint.secretSealed);
  if (!secret) return fail("CONFLICT", "This secret can't be read any more (the server's key changed). Rotate it.");
  await recordAuditEvents(db, [
    {
      teamId: access.team.id,
      actorId: access.membership.userId,
      action: "webhook.secret_revealed",
      targetType: "webhook",
      targetId: endpointId,
      metadata: { url: endpoint.url },
    },
  ]);
  return { ok: true as const, secret };
}
