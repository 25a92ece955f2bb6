import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { encodeCursor, parsePageCursor } from "@/lib/db/keyset-cursor";
import { fail } from "@/lib/result";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { storableDateSchema } from "@/lib/validation/storable-date";
import { isUuid } from "@/lib/validation/uuid";
import { zodFailure } from "@/lib/validation/zod-failure";
import type { WebhookDeliveryDto } from "./webhook-dto";

export const deliveriesQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().max(200).optional(),
  status: z.enum(["PENDING", "SUCCEEDED", "FAILED"]).optional(),
});

const SORT = { field: "createdAt", order: "desc" } as const;

/** team.settings: one endpoint's deliveries, newest first, each with its attempts; keyset pages. */
export async function listWebhookDeliveries(actor: Actor | null, team: TeamRef, endpointId: string, input: unknown) {
  const access = await authorizeTeam(db, actor, team, "team.settings");
  if (!access.ok) return access;
  if (!isUuid(endpointId)) return fail("NOT_FOUND", "Webhook endpoint not found.");
  const parsed = deliveriesQuerySchema.safeParse(input ?? {});
  if (!parsed.success) return zodFailure(parsed.error);
  const { limit, cursor, status } = parsed.data;
  const page = parsePageCursor(cursor, SORT);
  if (!page.ok) return page;
  if (page.after && !storableDateSchema.safeParse(page.after.value).success)
    return fail("INVALID", "The cursor is not valid; start again without it.", {
      fieldErrors: { cursor: ["Invalid cursor"] },
    });
  const endpoint = await db.webhookEndpoint.findFirst({
    where: { id: endpointId, teamId: access.team.id },
    select: { id: true },
  });
  if (!endpoint) return fail("NOT_FOUND", "Webhook endpoint not found.");
  const after = page.after;
  const rows = await db.webhookDelivery.findMany({
    where: {
      endpointId,
      ...(status ? { status } : {}),
      ...(after ? { OR: [{ createdAt: { lt: after.value } }, { createdAt: after.value, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    include: { attemptLog: { orderBy: { number: "asc" } } },
  });
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  const deliveries: WebhookDeliveryDto[] = shown.map((row) => ({
    id: row.id,
    endpointId: row.endpointId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === "PENDING" ? row.nextAttemptAt.toISOString() : null,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    payload: row.payload,
    attemptLog: row.attemptLog.map((attempt) => ({
      number: attempt.number,
      startedAt: attempt.startedAt.toISOString(),
      durationMs: attempt.durationMs,
      statusCode: attempt.statusCode,
      error: attempt.error,
    })),
  }));
  return {
    ok: true as const,
    deliveries,
    next: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
