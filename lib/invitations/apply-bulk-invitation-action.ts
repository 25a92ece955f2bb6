import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { readDatabaseNow } from "@/lib/db/database-now";
import { canGrantRole } from "@/lib/permissions/can";
import { allowedInvitationActions } from "@/lib/permissions/invitation-actions";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { fail, type Failure } from "@/lib/result";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import {
  BULK_INVITATION_LIMIT,
  BULK_OPERATIONS_PER_HOUR,
  type BulkInvitationAction,
  type BulkInvitationTarget,
} from "./bulk-invitation-schemas";
import { deleteInvitation } from "./delete-invitation";
import { buildInvitationWhere } from "./invitation-filters";
import { resendInvitation } from "./resend-invitation";
import { deriveInvitationStatus, type StoredStatus } from "./status";
import {
  skipReasonForFailure,
  skipReasonForStatus,
  tallyBulkOutcomes,
  type BulkOutcome,
  type BulkSummary,
} from "./tally-bulk-outcomes";
import { withdrawInvitation } from "./withdraw-invitation";

const SINGLE = {
  resend: resendInvitation,
  withdraw: withdrawInvitation,
  delete: deleteInvitation,
} satisfies Record<BulkInvitationAction, (actor: Actor | null, team: TeamRef, id: string) => Promise<unknown>>;

/**
 * Resend, withdraw or delete many invitations of one team: the rows chosen by id, or every row
 * matching the list's filter (read with the list's own where-builder, so "all matching" is what the
 * table shows), at most BULK_INVITATION_LIMIT. Each row the viewer may act on (the same
 * `allowedInvitationActions` the row menu reads) goes through the single-invitation function, with
 * its authorization, conditional update, audit event and limits; the rest, and any the single
 * function refuses (a race, a limit), are skipped with a reason. Rows outside the team are never read.
 */
export async function applyBulkInvitationAction(
  actor: Actor | null,
  team: TeamRef,
  input: { action: BulkInvitationAction; target: BulkInvitationTarget },
): Promise<({ ok: true; outcomes: BulkOutcome[] } & BulkSummary) | Failure> {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  const teamId = access.team.id;
  const now = await readDatabaseNow(db);
  const where =
    "ids" in input.target
      ? Prisma.sql`i."teamId" = ${teamId}::uuid AND i."id" = ANY(${[...new Set(input.target.ids)]}::uuid[])`
      : buildInvitationWhere(teamId, input.target.filter, now);
  const rows = (
    await db.$queryRaw<Array<{ id: string; status: StoredStatus; expiresAt: Date; rank: number }>>`
      SELECT i."id"::text AS "id", i."status"::text AS "status", i."expiresAt", r."rank"
      FROM "Invitation" i JOIN "Role" r ON r."id" = i."roleId"
      WHERE ${where}
      ORDER BY i."createdAt" DESC, i."id" DESC
      LIMIT ${BULK_INVITATION_LIMIT + 1}`
  ).map((row) => ({ ...row, role: { rank: row.rank } }));
  if (rows.length > BULK_INVITATION_LIMIT) {
    const message = `More than ${BULK_INVITATION_LIMIT.toLocaleString("en")} invitations match; a bulk action takes at most ${BULK_INVITATION_LIMIT.toLocaleString("en")}. Narrow the filter and try again.`;
    return fail("INVALID", message, { fieldErrors: { target: [message] } });
  }
  if (rows.length === 0) return { ok: true, outcomes: [], ...tallyBulkOutcomes(input.action, []) };

  const quota = await consumeRateLimit(db, {
    key: `bulk-invitations:${teamId}:${access.membership.userId}`,
    limit: BULK_OPERATIONS_PER_HOUR,
    windowSeconds: 3600,
  });
  if (!quota.allowed) {
    const minutes = Math.ceil(quota.resetSeconds / 60);
    return fail(
      "RATE_LIMITED",
      `You ran ${BULK_OPERATIONS_PER_HOUR} bulk actions in this team this hour. Try again in ${minutes} minutes.`,
      { retryAfterSeconds: quota.resetSeconds },
    );
  }

  const outcomes: BulkOutcome[] = [];
  const failed = new Map<string, Failure["code"]>();
  for (const row of rows) {
    const status = deriveInvitationStatus(row, now);
    if (!canGrantRole(access.role, row.role)) {
      outcomes.push({ id: row.id, outcome: "skipped", reason: "not_permitted" });
      continue;
    }
    if (!allowedInvitationActions(access.role, { status, role: row.role })[input.action]) {
      outcomes.push({ id: row.id, outcome: "skipped", reason: skipReasonForStatus(status) ?? "not_permitted" });
      continue;
    }
    const result = (await SINGLE[input.action](actor, { teamId }, row.id)) as { ok: true } | Failure;
    if (result.ok) outcomes.push({ id: row.id, outcome: "done" });
    else failed.set(row.id, result.code);
  }

  if (failed.size > 0) {
    // Refused by the single-invitation rule (someone else answered, withdrew or deleted it meanwhile):
    // the state it is in now says why.
    const [after, nowAfter] = await Promise.all([
      db.invitation.findMany({
        where: { teamId, id: { in: [...failed.keys()] } },
        select: { id: true, status: true, expiresAt: true },
      }),
      readDatabaseNow(db),
    ]);
    const stateOf = new Map(after.map((row) => [row.id, deriveInvitationStatus(row, nowAfter)]));
    for (const [id, code] of failed) {
      outcomes.push({ id, outcome: "skipped", reason: skipReasonForFailure(code, stateOf.get(id) ?? "MISSING") });
    }
  }
  return { ok: true, outcomes, ...tallyBulkOutcomes(input.action, outcomes) };
}
