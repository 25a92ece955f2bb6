import "server-only";
import type { AuditAction } from "@/lib/audit/audit-actions";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { runTransaction } from "@/lib/db/run-transaction";
import { abortTransaction } from "@/lib/db/transaction-abort";
import { signalOutbox } from "@/lib/email/outbox-signal";
import { fail } from "@/lib/result";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { isUuid } from "@/lib/validation/uuid";
import { zodFailure } from "@/lib/validation/zod-failure";
import { rejectJoinRequestSchema } from "./join-request-rules";
import { queueJoinRequestDecisionEmail } from "./queue-join-request-decision-email";
import { refuseDecidedJoinRequest } from "./refuse-decided-join-request";

const REJECTED: AuditAction = "join_request.rejected";

/** members.manage: one conditional update, so a reject racing an approval leaves exactly one outcome. The requester is told, with the reason if given. */
export async function rejectJoinRequest(actor: Actor | null, team: TeamRef, id: string, input: unknown = {}) {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  const parsed = rejectJoinRequestSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  if (!isUuid(id)) return fail("NOT_FOUND", "Request not found.");
  const teamId = access.team.id;
  const adminId = access.membership.userId;
  const { reason } = parsed.data;

  const rejected = await runTransaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: string; kind: string; email: string; requesterId: string | null }>>`
      UPDATE "JoinRequest" SET "status" = 'REJECTED', "pendingKey" = NULL, "decidedById" = ${adminId}::uuid,
        "decidedAt" = now(), "rejectReason" = ${reason}
      WHERE "id" = ${id}::uuid AND "teamId" = ${teamId}::uuid AND "status" = 'PENDING'
      RETURNING "id"::text AS "id", "kind"::text AS "kind", "email", "requesterId"::text AS "requesterId"`;
    const request = rows[0];
    if (!request) abortTransaction(await refuseDecidedJoinRequest(tx, teamId, id));
    await tx.auditEvent.create({
      data: {
        teamId,
        actorId: adminId,
        action: REJECTED,
        targetType: "join_request",
        targetId: request.id,
        metadata: { email: request.email, kind: request.kind, ...(reason ? { reason } : {}) },
      },
    });
    const queued = await queueJoinRequestDecisionEmail(tx, request.id, request.requesterId);
    return { ok: true as const, email: request.email, queued };
  });
  if (rejected.ok && rejected.queued) signalOutbox();
  return rejected.ok ? { ok: true as const, email: rejected.email } : rejected;
}
