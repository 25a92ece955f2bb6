import "server-only";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { runTransaction } from "@/lib/db/run-transaction";
import { fail } from "@/lib/result";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { isUuid } from "@/lib/validation/uuid";
import { chargeWebhookChange } from "./charge-webhook-change";
import { sealWebhookSecret } from "./seal-webhook-secret";
import { generateWebhookSecret } from "./sign-webhook";

/** How long the replaced secret keeps signing beside the new one, so the receiver can switch without losing events. */
export const PREVIOUS_SECRET_HOURS = 24;

/**
 * team.settings. A new secret signs from now on; the replaced one also signs (a second
 * signature in the same header) for PREVIOUS_SECRET_HOURS. Rotating again ends the older one at once.
 */
export async function rotateWebhookSecret(actor: Actor | null, team: TeamRef, endpointId: string) {
  const access = await authorizeTeam(db, actor, team, "team.settings");
  if (!access.ok) return access;
  if (!isUuid(endpointId)) return fail("NOT_FOUND", "Webhook endpoint not found.");
  const secret = generateWebhookSecret();
  const teamId = access.team.id;
  const rotated = await runTransaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ previousSecretExpiresAt: Date; url: string }>>`
      UPDATE "WebhookEndpoint"
      SET "previousSecretSealed" = "secretSealed", "secretSealed" = ${sealWebhookSecret(secret)},
          "previousSecretExpiresAt" = now() + make_interval(hours => ${PREVIOUS_SECRET_HOURS}::int), "updatedAt" = now()
      WHERE "id" = ${endpointId}::uuid AND "teamId" = ${teamId}::uuid
      RETURNING "previousSecretExpiresAt", "url"`;
    if (!rows[0]) return fail("NOT_FOUND", "Webhook endpoint not found.");
    await recordAuditEvents(tx, [
      {
        teamId,
        actorId: access.membership.userId,
        action: "webhook.secret_rotated",
        targetType: "webhook",
        targetId: endpointId,
        metadata: { url: rows[0].url },
      },
    ]);
    await chargeWebhookChange(tx, teamId);
    return { ok: true as const, previousSecretExpiresAt: rows[0].previousSecretExpiresAt.toISOString() };
  });
  return rotated.ok ? { ...rotated, secret } : rotated;
}
