import "server-only";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { runTransaction } from "@/lib/db/run-transaction";
import { env } from "@/lib/env";
import { fail } from "@/lib/result";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { isUuid } from "@/lib/validation/uuid";
import { zodFailure } from "@/lib/validation/zod-failure";
import { chargeWebhookChange } from "./charge-webhook-change";
import { toWebhookEndpointDto, webhookEndpointSelect } from "./webhook-dto";
import { updateWebhookEndpointSchema } from "./webhook-endpoint-schema";
import { checkWebhookUrl } from "./webhook-target";

const NOT_FOUND = "Webhook endpoint not found.";

/**
 * team.settings: URL, description, events, enabled. Disabling holds the endpoint's queued
 * deliveries (the sender claims none of a disabled endpoint) until it is enabled again; new
 * events are not queued for it meanwhile. The audit row names what changed, from and to.
 */
export async function updateWebhookEndpoint(actor: Actor | null, team: TeamRef, endpointId: string, input: unknown) {
  const access = await authorizeTeam(db, actor, team, "team.settings");
  if (!access.ok) return access;
  if (!isUuid(endpointId)) return fail("NOT_FOUND", NOT_FOUND);
  const parsed = updateWebhookEndpointSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  const change = { ...parsed.data };
  if (change.url !== undefined) {
    const target = checkWebhookUrl(change.url, { allowPrivateNetwork: !env.isProduction });
    if (!target.ok) return fail("INVALID", target.error, { fieldErrors: { url: [target.error] } });
    change.url = target.url;
  }
  const teamId = access.team.id;
  return runTransaction(async (tx) => {
    const [current] = await tx.$queryRaw<
      Array<{ url: string; description: string; events: string[]; enabled: boolean; now: Date }>
    >`SELECT "url", "description", "events", "enabled", now() AS now FROM "WebhookEndpoint"
      WHERE "id" = ${endpointId}::uuid AND "teamId" = ${teamId}::uuid FOR UPDATE`;
    if (!current) return fail("NOT_FOUND", NOT_FOUND);
    const from: Record<string, unknown> = {};
    const to: Record<string, unknown> = {};
    for (const key of ["url", "description", "events", "enabled"] as const) {
      const next = change[key];
      if (next === undefined || JSON.stringify(next) === JSON.stringify(current[key])) continue;
      from[key] = current[key];
      to[key] = next;
    }
    const endpoint = await tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: to,
      select: webhookEndpointSelect,
    });
    if (Object.keys(to).length > 0) {
      await recordAuditEvents(tx, [
        {
          teamId,
          actorId: access.membership.userId,
          action: "webhook.updated",
          targetType: "webhook",
          targetId: endpointId,
          metadata: { url: endpoint.url, from: JSON.parse(JSON.stringify(from)), to: JSON.parse(JSON.stringify(to)) },
        },
      ]);
      await chargeWebhookChange(tx, teamId);
    }
    return { ok: true as const, endpoint: toWebhookEndpointDto(endpoint, current.now) };
  });
}
