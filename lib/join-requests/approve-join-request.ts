import "server-only";
import type { AuditAction } from "@/lib/audit/audit-actions";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { runTransaction, type Tx } from "@/lib/db/run-transaction";
import { abortTransaction } from "@/lib/db/transaction-abort";
import { signalOutbox } from "@/lib/email/outbox-signal";
import { inviteMembersByReference } from "@/lib/invitations/invite-members-by-reference";
import { LANGUAGES } from "@/lib/i18n/catalogues";
import { fail, type Failure } from "@/lib/result";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { isUuid } from "@/lib/validation/uuid";
import { addJoinedMember } from "./add-joined-member";
import { queueJoinRequestDecisionEmail } from "./queue-join-request-decision-email";
import { refuseDecidedJoinRequest } from "./refuse-decided-join-request";

const APPROVED: AuditAction = "join_request.approved";

type Claimed = {
  id: string;
  kind: "SUGGESTION" | "ASK";
  email: string;
  emailCanonical: string;
  requesterId: string | null;
  requesterLanguage: string | null;
};

export type ApproveOutcome = { ok: true; kind: "SUGGESTION" | "ASK"; outcome: "invited" | "joined"; email: string };

/**
 * members.manage. The request flips PENDING → APPROVED in one conditional update, so of two admins
 * approving at once exactly one wins and the other is told it was already approved. An ask adds the
 * member in that same transaction (seat lock first). A suggestion goes through the invite itself
 * (`inviteMembersByReference`, with its own limits, seat check and email), after the flip; when the
 * invite refuses, the flip is undone and the refusal returned, so the request waits again.
 */
export async function approveJoinRequest(
  actor: Actor | null,
  team: TeamRef,
  id: string,
): Promise<ApproveOutcome | Failure> {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  if (!isUuid(id)) return fail("NOT_FOUND", "Request not found.");
  const teamId = access.team.id;
  const adminId = access.membership.userId;

  const claimed = await runTransaction(async (tx) => {
    const kind = await tx.joinRequest.findFirst({ where: { id, teamId }, select: { kind: true } });
    // An ask takes a seat: the team's row is locked before the request's, as every seat check does.
    if (kind?.kind === "ASK" && access.team.seatLimit !== null)
      await tx.$queryRaw`SELECT 1 FROM "Team" WHERE "id" = ${teamId}::uuid FOR NO KEY UPDATE`;
    const rows = await tx.$queryRaw<Claimed[]>`
      UPDATE "JoinRequest" j SET "status" = 'APPROVED', "pendingKey" = NULL, "decidedById" = ${adminId}::uuid, "decidedAt" = now()
      WHERE j."id" = ${id}::uuid AND j."teamId" = ${teamId}::uuid AND j."status" = 'PENDING'
      RETURNING j."id"::text AS "id", j."kind"::text AS "kind", j."email", j."emailCanonical",
        j."requesterId"::text AS "requesterId", (SELECT u."language" FROM "User" u WHERE u."id" = j."requesterId") AS "requesterLanguage"`;
    const request = rows[0];
    if (!request) abortTransaction(await refuseDecidedJoinRequest(tx, teamId, id));
    if (request.kind === "ASK") {
      if (!request.requesterId)
        abortTransaction(fail("CONFLICT", "The person who asked to join has deleted their account."));
      await addJoinedMember(tx, access.team, request.requesterId, {
        actorId: adminId,
        via: "approved_request",
        joinRequestId: request.id,
      });
      await recordApproval(tx, teamId, adminId, request, null);
      await queueJoinRequestDecisionEmail(tx, request.id, request.requesterId);
    }
    return request;
  });
  if ("ok" in claimed) return claimed;
  if (claimed.kind === "ASK") {
    signalOutbox();
    return { ok: true, kind: "ASK", outcome: "joined", email: claimed.email };
  }

  // The suggester knows the person; their language is the best guess for the invitation's.
  const language = LANGUAGES.find((code) => code === claimed.requesterLanguage) ?? "en";
  const invited = await inviteMembersByReference(actor, team, {
    emails: [claimed.email],
    role: "member",
    groups: [],
    language,
  });
  const result = invited.ok ? invited.results[0] : undefined;
  if (!invited.ok || !result || (result.outcome !== "invited" && result.outcome !== "already_invited")) {
    await reopen(teamId, claimed);
    return invited.ok ? fail("CONFLICT", `${claimed.email} was not invited: ${result?.reason ?? "skipped"}.`) : invited;
  }
  const recorded = await runTransaction(async (tx) => {
    await recordApproval(tx, teamId, adminId, claimed, result.invitationId ?? null);
    await queueJoinRequestDecisionEmail(tx, claimed.id, claimed.requesterId);
    return { ok: true as const };
  });
  if (!recorded.ok) return recorded;
  signalOutbox();
  return { ok: true, kind: "SUGGESTION", outcome: "invited", email: claimed.email };
}

function recordApproval(tx: Tx, teamId: string, adminId: string, request: Claimed, invitationId: string | null) {
  return tx.auditEvent.create({
    data: {
      teamId,
      actorId: adminId,
      action: APPROVED,
      targetType: "join_request",
      targetId: request.id,
      metadata: { email: request.email, kind: request.kind, ...(invitationId ? { invitationId } : {}) },
    },
  });
}

/** The invite refused (a limit, no seat, joined meanwhile): the request waits again, unless another for the address took its slot. */
async function reopen(teamId: string, request: Claimed) {
  await db.$executeRaw`
    UPDATE "JoinRequest" SET "status" = 'PENDING', "pendingKey" = "emailCanonical", "decidedById" = NULL, "decidedAt" = NULL
    WHERE "id" = ${request.id}::uuid AND "status" = 'APPROVED'
      AND NOT EXISTS (SELECT 1 FROM "JoinRequest" o WHERE o."teamId" = ${teamId}::uuid AND o."pendingKey" = ${request.emailCanonical})`;
}
