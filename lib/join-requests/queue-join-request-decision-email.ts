import "server-only";
import type { Tx } from "@/lib/db/run-transaction";

export const JOIN_REQUEST_DECISION_KIND = "join_request_decided";

/**
 * Tells the requester (who suggested, or who asked) the outcome, in the decision's transaction so
 * the email exists exactly when the decision commits. Written in their language when it is sent.
 */
export async function queueJoinRequestDecisionEmail(tx: Tx, joinRequestId: string, requesterId: string | null) {
  if (!requesterId) return false;
  const inserted = await tx.$executeRaw`
    INSERT INTO "EmailOutbox" ("id", "joinRequestId", "kind", "to", "payload", "idempotencyKey")
    SELECT gen_random_uuid(), ${joinRequestId}::uuid, ${JOIN_REQUEST_DECISION_KIND}, u."email",
      jsonb_build_object('recipientId', u."id"::text), ${`join-request/${joinRequestId}/decided`}
    FROM "User" u WHERE u."id" = ${requesterId}::uuid
    ON CONFLICT ("idempotencyKey") DO NOTHING`;
  return inserted > 0;
}
