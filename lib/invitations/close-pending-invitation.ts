import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SqlTx } from "@/lib/db/run-transaction";
import { queueWebhookEvent } from "@/lib/webhooks/queue-webhook-event";
import { invitationEventData } from "@/lib/webhooks/webhook-events";
import type { ClosedState } from "./describe-closed-invitation";
import { queueAnswerNotificationsSql } from "./queue-answer-notifications";
import { readClosedState, refConditions, type InvitationRef } from "./read-closed-state";

export type ClosedInvitation = {
  id: string;
  teamId: string;
  email: string;
  emailCanonical: string;
  roleId: string;
  inviterId: string | null;
};

export type CloseChange = {
  status: "ACCEPTED" | "DECLINED" | "WITHDRAWN";
  responderId?: string | null;
  declineReason?: string | null;
  unexpiredOnly: boolean;
  /** Only an expired invitation (one a new invitation to the same address replaces). */
  expiredOnly?: boolean;
  /** false: the caller read that the team has no enabled webhook endpoint (teamHasWebhooksSql). */
  webhooks?: boolean;
};

/**
 * The closing steps as common table expressions, `closed` (the flipped row: ClosedInvitation's
 * columns, uuids as uuids) and for an answer `notified`, for a caller that writes more in the same
 * statement (accepting). `guard`: further conditions on the row, checked again on the newest
 * version if the UPDATE had to wait for it.
 */
export function closePendingInvitationSql(ref: InvitationRef, change: CloseChange, guard: Prisma.Sql = Prisma.empty) {
  const answer = change.status === "ACCEPTED" ? "accepted" : change.status === "DECLINED" ? "declined" : null;
  return Prisma.sql`closed AS (
      UPDATE "Invitation"
      SET "status" = ${change.status}::"InvitationStatus", "pendingKey" = NULL, "respondedAt" = now(),
          "responderId" = ${change.responderId ?? null}::uuid, "declineReason" = ${change.declineReason ?? null}, "updatedAt" = now()
      WHERE ${refConditions(ref)} AND "status" = 'PENDING' ${change.unexpiredOnly ? Prisma.sql`AND "expiresAt" > now()` : Prisma.empty}
        ${change.expiredOnly ? Prisma.sql`AND "expiresAt" <= now()` : Prisma.empty} ${guard}
      RETURNING "id", "teamId", "email", "emailCanonical", "roleId", "inviterId"
    )${answer ? Prisma.sql`, notified AS (${queueAnswerNotificationsSql(Prisma.sql`closed`, answer, change.responderId ?? null)})` : Prisma.empty}`;
}

/** The closed invitation's webhook event (`invitation.accepted`, `.declined`, `.withdrawn`), in the closing transaction. */
export async function announceClosedInvitation(tx: SqlTx, invitation: ClosedInvitation, change: CloseChange) {
  if (change.expiredOnly || change.webhooks === false) return;
  const type = change.status === "ACCEPTED" ? "accepted" : change.status === "DECLINED" ? "declined" : "withdrawn";
  await queueWebhookEvent(tx, invitation.teamId, `invitation.${type}`, invitationEventData(invitation));
}

/**
 * The one way out of PENDING: to ACCEPTED, DECLINED or WITHDRAWN, freeing the address's pending
 * slot (pendingKey) in the same conditional UPDATE. It changes the row only while it is still
 * pending (and, for the invitee, unexpired on the database clock, under the token presented), so
 * of two racing requests exactly one wins; the row it returns is the invitation as it was at that
 * moment (a concurrent edit either committed before, and is what is returned, or finds it closed).
 * The row stays locked until the transaction ends. Zero rows: the re-read says why.
 * An answer (ACCEPTED or DECLINED) also queues its notification emails here, in the same
 * statement, so they exist exactly when the answer commits (queue-answer-notifications.ts),
 * and so does the webhook event (`invitation.accepted`, `.declined`, `.withdrawn`); replacing an
 * expired invitation (expiredOnly) is no withdrawal and announces nothing.
 */
export async function closePendingInvitation(
  tx: SqlTx,
  ref: InvitationRef,
  change: CloseChange,
): Promise<
  { closed: true; invitation: ClosedInvitation } | { closed: false; state: ClosedState; responderId: string | null }
> {
  const rows = await tx.$queryRaw<ClosedInvitation[]>`
    WITH ${closePendingInvitationSql(ref, change)}
    SELECT "id"::text AS "id", "teamId"::text AS "teamId", "email", "emailCanonical", "roleId"::text AS "roleId",
      "inviterId"::text AS "inviterId"
    FROM closed`;
  const invitation = rows[0];
  if (invitation) {
    await announceClosedInvitation(tx, invitation, change);
    return { closed: true, invitation };
  }
  return { closed: false, ...(await readClosedState(tx, ref)) };
}
