import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { readDatabaseNow } from "@/lib/db/database-now";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { toWebhookEndpointDto, webhookEndpointSelect } from "./webhook-dto";

/** team.settings: the team's endpoints (at most MAX_WEBHOOK_ENDPOINTS), oldest first, without secrets. */
export async function listWebhookEndpoints(actor: Actor | null, team: TeamRef) {
  const access = await authorizeTeam(db, actor, team, "team.settings");
  if (!access.ok) return access;
  const [rows, now] = await Promise.all([
    db.webhookEndpoint.findMany({
      where: { teamId: access.team.id },
      select: webhookEndpointSelect,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    readDatabaseNow(db),
  ]);
  return { ok: true as const, access, endpoints: rows.map((row) => toWebhookEndpointDto(row, now)) };
}
