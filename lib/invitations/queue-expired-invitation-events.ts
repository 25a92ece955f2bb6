import "server-only";
import { runTransaction } from "@/lib/db/run-transaction";
import { TRANSACTION_MAX_WAIT_MS } from "@/lib/db/create-client";
import { queueWebhookEvent } from "@/lib/webhooks/queue-webhook-event";
import { invitationEventData } from "@/lib/webhooks/webhook-events";

/**
 * Only invitations that expired this recently are announced: the sweep reads one bounded range of
 * the (status, expiresAt) index however many expired invitations stay pending, and the first sweep
 * after an upgrade does not announce years of history. A sender down for longer misses some.
 */
export const EXPIRED_EVENT_LOOKBACK_DAYS = 7;

/**
 * Expiry is never stored (a pending invitation past expiresAt is expired), so the
 * `invitation.expired` webhook event is queued by this sweep, which runs beside the expiry
 * reminders in every process's sender. The claim is one conditional UPDATE of `expiredEventAt`
 * over SKIP LOCKED rows, re-checked on the latest row version, in the same transaction as the
 * deliveries, so racing sweepers announce each expiry once. A resend revives the invitation with a
 * later expiresAt, which leaves `expiredEventAt` behind it: its next expiry is announced again.
 */
export async function queueExpiredInvitationEvents({ limit = 500 }: { limit?: number } = {}): Promise<number> {
  const queued = await runTransaction(
    async (tx) => {
      const expired = await tx.$queryRaw<Array<{ id: string; teamId: string; email: string; roleId: string }>>`
        UPDATE "Invitation" i SET "expiredEventAt" = now()
        WHERE i."id" IN (
          SELECT c."id" FROM "Invitation" c
          WHERE c."status" = 'PENDING' AND c."expiresAt" <= now()
            AND c."expiresAt" > now() - make_interval(days => ${EXPIRED_EVENT_LOOKBACK_DAYS}::int)
            AND (c."expiredEventAt" IS NULL OR c."expiredEventAt" < c."expiresAt")
          ORDER BY c."expiresAt", c."id"
          LIMIT ${limit}::int
          FOR UPDATE OF c SKIP LOCKED
        ) AND i."status" = 'PENDING' AND i."expiresAt" <= now()
          AND (i."expiredEventAt" IS NULL OR i."expiredEventAt" < i."expiresAt")
        RETURNING i."id"::text AS "id", i."teamId"::text AS "teamId", i."email", i."roleId"::text AS "roleId"`;
      const byTeam = new Map<string, typeof expired>();
      for (const invitation of expired)
        byTeam.set(invitation.teamId, [...(byTeam.get(invitation.teamId) ?? []), invitation]);
      let deliveries = 0;
      for (const [teamId, invitations] of byTeam) {
        deliveries += await queueWebhookEvent(tx, teamId, "invitation.expired", invitations.map(invitationEventData));
      }
      return deliveries;
    },
    { maxWaitMs: TRANSACTION_MAX_WAIT_MS },
  );
  return typeof queued === "number" ? queued : 0;
}
