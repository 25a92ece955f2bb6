import "server-only";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { runTransaction } from "@/lib/db/run-transaction";
import { env } from "@/lib/env";
import { fail } from "@/lib/result";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { zodFailure } from "@/lib/validation/zod-failure";
import { chargeWebhookChange } from "./charge-webhook-change";
import { sealWebhookSecret } from "./seal-webhook-secret";
import { generateWebhookSecret } from "./sign-webhook";
import { toWebhookEndpointDto, webhookEndpointSelect } from "./webhook-dto";
import { createWebhookEndpointSchema } from "./webhook-endpoint-schema";
import { checkWebhookUrl } from "./webhook-target";

/** Endpoints one team may register. */
export const MAX_WEBHOOK_ENDPOINTS = 10;

/**
 * team.settings. The secret is returned here and can be revealed again later
 * (reveal-webhook-secret.ts); the team's row is locked while counting, so parallel requests
 * cannot pass the cap.
 */
export async function createWebhookEndpoint(actor: Actor | null, team: TeamRef, input: unknown) {
  const access = await authorizeTeam(db, actor, team, "team.settings");
  if (!access.ok) return access;
  const parsed = createWebhookEndpointSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  const target = checkWebhookUrl(parsed.data.url, { allowPrivateNetwork: !env.isProduction });
  if (!target.ok) return fail("INVALID", target.error, { fieldErrors: { url: [target.error] } });
  const secret = generateWebhookSecret();
  const teamId = access.team.id;
  const created = await runTransaction(async (tx) => {
    const [{ now }] = await tx.$queryRaw<[{ now: Date }]>`
      SELECT now() AS now FROM "Team" WHERE "id" = ${teamId}::uuid FOR NO KEY UPDATE`;
    const count = await tx.webhookEndpoint.count({ where: { teamId } });
    if (count >= MAX_WEBHOOK_ENDPOINTS)
      return fail(
        "LIMIT_REACHED",
        `A team can have at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints. Delete one first.`,
      );
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        teamId,
        url: target.url,
        description: parsed.data.description,
        events: parsed.data.events,
        enabled: parsed.data.enabled,
        secretSealed: sealWebhookSecret(secret),
      },
      select: webhookEndpointSelect,
    });
    await recordAuditEvents(tx, [
      {
        teamId,
        actorId: access.membership.userId,
        action: "webhook.created",
        targetType: "webhook",
        targetId: endpoint.id,
        metadata: { url: endpoint.url, events: endpoint.events, enabled: endpoint.enabled },
      },
    ]);
    await chargeWebhookChange(tx, teamId);
    return { ok: true as const, endpoint: toWebhookEndpointDto(endpoint, now) };
  });
  return created.ok ? { ok: true as const, endpoint: created.endpoint, secret } : created;
}
