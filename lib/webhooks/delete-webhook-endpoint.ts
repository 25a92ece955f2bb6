import "server-only";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { runTransaction } from "@/lib/db/run-transaction";
import { fail } from "@/lib/result";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { isUuid } from "@/lib/validation/uuid";
import { chargeWebhookChange } from "./charge-webhook-change";

/** team.settings. The endpoint's deliveries and their attempts go with it; the audit row keeps its URL. */
export async function deleteWebhookEndpoint(actor: Actor | null, team: TeamRef, endpointId: string) {
  const access = await authorizeTeam(db, actor, team, "team.settings");
  if (!access.ok) return access;
  if (!isUuid(endpointId)) return fail("NOT_FOUND", "Webhook endpoint not found.");
  const teamId = access.team.id;
  return runTransaction(async (tx) => {
    const [deleted] = await tx.$queryRaw<Array<{ url: string }>>`
      DELETE FROM "WebhookEndpoint" WHERE "id" = ${endpointId}::uuid AND "teamId" = ${teamId}::uuid RETURNING "url"`;
    if (!deleted) return fail("NOT_FOUND", "Webhook endpoint not found.");
    await recordAuditEvents(tx, [
      {
        teamId,
        actorId: access.membership.userId,
        action: "webhook.deleted",
        targetType: "webhook",
        targetId: endpointId,
        metadata: { url: deleted.url },
      },
    ]);
    await chargeWebhookChange(tx, teamId);
    return { ok: true as const };
  });
}
