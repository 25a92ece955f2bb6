import "server-only";
import { randomUUID } from "node:crypto";
import { addDays } from "date-fns";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { generateInvitationToken, hashInvitationToken, sealInvitationToken } from "@/lib/crypto/invitation-token";
import { db } from "@/lib/db";
import { readDatabaseNow } from "@/lib/db/database-now";
import { env } from "@/lib/env";
import { enqueueInvitationEmails } from "@/lib/email/enqueue-invitation-email";
import { signalOutbox } from "@/lib/email/outbox-signal";
import { canGrantRole } from "@/lib/permissions/can";
import { lockTeamSeats } from "@/lib/members/lock-team-seats";
import { consumeRateLimits } from "@/lib/rate-limit/consume-rate-limit";
import { isRecipientRateLimitKey, recipientFromRateLimitKey, recipientRateLimitKey } from "@/lib/rate-limit/recipient-rate-limit-key";
import { fail, type Result } from "@/lib/result";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { classifyInviteAddresses } from "./classify-invite-addresses";
import { closePendingInvitation } from "./close-pending-invitation";
import { inviteMembersSchema, type InviteMembersInput } from "./schemas";
import { summarizeInviteResults, type InviteAddressResult } from "./summarize-invite-results";
import { zodFailure } from "@/lib/validation/zod-failure";
import { runTransaction, type Tx } from "@/lib/db/run-transaction";
import { abortTransaction } from "@/lib/db/transaction-abort";

/**
 * Invites one or many addresses. The checks read the database once, outside any transaction;
 * the rows are one transaction (invitations, groups, outbox rows, audit events, quota units);
 * emails go out after commit.
 */
export async function inviteMembers(actor: Actor | null, team: TeamRef, input: InviteMembersInput) {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  const parsed = inviteMembersSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  const { emails, roleId, groupIds, language } = parsed.data;
  const teamId = access.team.id;

  const uniqueGroupIds = [...new Set(groupIds)];

  // One slot per entry, in the order they were typed; the transaction fills the rest. The role,
  // the groups and the addresses are read side by side, before any transaction.
  const [[known], classified] = await Promise.all([
    db.$queryRaw<Array<{ role: { id: string; name: string; rank: number } | null; groups: number }>>`
      SELECT
        (SELECT json_build_object('id', r."id", 'name', r."name", 'rank', r."rank") FROM "Role" r WHERE r."id" = ${roleId}::uuid AND r."teamId" = ${teamId}::uuid) AS role,
        (SELECT count(*)::int FROM "Group" g WHERE g."id" = ANY(${uniqueGroupIds}::uuid[]) AND g."teamId" = ${teamId}::uuid) AS groups`,
    classifyInviteAddresses(db, access.team, emails),
  ]);
  const role = known!.role;
  if (!role) return fail("INVALID", "Choose a role that exists in this team.", { fieldErrors: { roleId: ["Unknown role"] } });
  if (!canGrantRole(access.role, role)) {
    return fail("FORBIDDEN", `You can't invite people as ${role.name}: it is above your own role.`, {
      fieldErrors: { roleId: ["Above your own role"] },
    });
  }
  if (known!.groups !== uniqueGroupIds.length) {
    return fail("INVALID", "One of the groups does not exist in this team.", { fieldErrors: { groupIds: ["Unknown group"] } });
  }

  const results: Array<InviteAddressResult | undefined> = classified.map((entry) =>
    entry.outcome === "invited" ? undefined : { input: entry.input, email: entry.email, outcome: entry.outcome, reason: entry.reason, invitationId: entry.invitationId },
  );
  const toCreate = classified.flatMap((entry, index) =>
    entry.outcome === "invited" ? [{ canonical: entry.email!, index, input: entry.input, address: entry.address!, previous: entry.previous }] : [],
  );
  if (toCreate.length === 0) return { ok: true as const, ...summarizeInviteResults(results.filter((r) => r !== undefined)) } satisfies Result;

  // Sorted, so two requests inviting overlapping lists claim the pending slots in the same order.
  toCreate.sort((a, b) => (a.canonical < b.canonical ? -1 : a.canonical > b.canonical ? 1 : 0));
  const now = await readDatabaseNow(db);
  const expiresAt = addDays(now, access.team.invitationLifetimeDays);
  const rows = toCreate.map((entry) => {
    const token = generateInvitationToken();
    return {
      id: randomUUID(),
      teamId,
      email: entry.address,
      emailCanonical: entry.canonical,
      pendingKey: entry.canonical,
      roleId: role.id,
      language,
      inviterId: access.membership.userId,
      createdAt: now,
      updatedAt: now,
      expiresAt,
      tokenHash: hashInvitationToken(token),
      tokenSealed: sealInvitationToken(token),
      sendCount: 1,
      lastSentAt: now,
    };
  });

  const created = await runTransaction(async (tx) => {
    if (access.team.seatLimit !== null) {
      const seats = await lockTeamSeats(tx, teamId);
      if (rows.length > seats.free) {
        abortTransaction(fail("LIMIT_REACHED", `This team has ${seats.free} free seats of ${seats.limit}; remove members or pending invitations first.`));
      }
    }
    // An expired invitation still holds its address's pending slot: the fresh one replaces it (in
    // address order, like the inserts). One a resend revived meanwhile stays, and its address is
    // skipped below as already invited.
    for (const entry of toCreate) {
      if (entry.previous?.state !== "EXPIRED") continue;
      const closed = await closePendingInvitation(tx, { id: entry.previous.id, teamId }, { status: "WITHDRAWN", unexpiredOnly: false, expiredOnly: true });
      if (!closed.closed) continue;
      await recordAuditEvents(tx, [
        {
          teamId,
          actorId: access.membership.userId,
          action: "invitation.superseded",
          targetType: "invitation",
          targetId: entry.previous.id,
          metadata: { email: closed.invitation.email, reason: "invited again after it expired" },
        },
      ]);
    }
    // An address another request invited since the read above is skipped here (its pending slot is taken).
    const inserted = await tx.invitation.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true, emailCanonical: true, email: true } });
    if (inserted.length === 0) return inserted;
    if (uniqueGroupIds.length > 0) {
      await tx.invitationGroup.createMany({ data: inserted.flatMap((row) => uniqueGroupIds.map((groupId) => ({ invitationId: row.id, groupId }))) });
    }
    await enqueueInvitationEmails(tx, inserted.map((row) => ({ invitationId: row.id, to: row.email, sendNumber: 1 })));
    await recordAuditEvents(
      tx,
      inserted.map((row) => ({
        teamId,
        actorId: access.membership.userId,
        action: "invitation.created" as const,
        targetType: "invitation",
        targetId: row.id,
        metadata: { email: row.email, role: role.name, language, via: actor!.kind },
      })),
    );
    await chargeInviteQuotas(tx, teamId, access.membership.userId, inserted.map((row) => row.emailCanonical));
    return inserted;
  }, { timeoutMs: 30_000 });
  if (!Array.isArray(created)) return created;
  if (created.length > 0) signalOutbox();

  const insertedIds = new Set(created.map((row) => row.id));
  for (const [position, row] of rows.entries()) {
    const entry = toCreate[position]!;
    const reason = classified[entry.index]!.reason;
    results[entry.index] = insertedIds.has(row.id)
      ? { input: entry.input, email: row.emailCanonical, outcome: "invited", invitationId: row.id, ...(reason ? { reason } : {}) }
      : // Another request invited this address between our read and our insert.
        { input: entry.input, email: row.emailCanonical, outcome: "already_invited", reason: "Already invited" };
  }
  return { ok: true as const, ...summarizeInviteResults(results.filter((r) => r !== undefined)) } satisfies Result;
}

/**
 * The team's, the inviter's and each recipient's hourly quota, charged for the invitations this
 * transaction created and nothing else, as its last statement: the counters stay locked only until
 * the commit, so invites within one team run side by side. A refusal rolls back everything.
 */
async function chargeInviteQuotas(tx: Tx, teamId: string, inviterId: string, recipients: string[]) {
  const quota = await consumeRateLimits(tx, {
    windowSeconds: 3600,
    charges: [
      { key: `invite:team:${teamId}`, limit: env.INVITES_PER_TEAM_PER_HOUR, cost: recipients.length },
      { key: `invite:inviter:${inviterId}`, limit: env.INVITES_PER_INVITER_PER_HOUR, cost: recipients.length },
      ...recipients.map((canonical) => ({ key: recipientRateLimitKey(canonical), limit: env.INVITES_PER_RECIPIENT_PER_HOUR, cost: 1 })),
    ],
  });
  if (quota.refused.length === 0) return;
  const minutes = Math.ceil(quota.resetSeconds / 60);
  const retry = { retryAfterSeconds: quota.resetSeconds };
  const shared = quota.refused.find((refusal) => !isRecipientRateLimitKey(refusal.key));
  if (shared) {
    const left = shared.remaining ? `, ${shared.remaining} left` : "";
    abortTransaction(fail("RATE_LIMITED", `Too many invitations this hour (limit ${shared.limit}${left}). Try again in ${minutes} minutes.`, retry));
  }
  const [first, ...others] = quota.refused.map((refusal) => recipientFromRateLimitKey(refusal.key));
  abortTransaction(
    fail(
      "RATE_LIMITED",
      `${first}${others.length ? ` and ${others.length} more` : ""} already received ${env.INVITES_PER_RECIPIENT_PER_HOUR} invitations this hour. Remove ${others.length ? "them" : "it"} or try again in ${minutes} minutes.`,
      retry,
    ),
  );
}
