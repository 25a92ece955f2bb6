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
import { isDomainAllowed, parseEmail } from "@/lib/email/parse-email";
import { canGrantRole } from "@/lib/permissions/can";
import { lockTeamSeats } from "@/lib/members/lock-team-seats";
import { consumeRateLimits } from "@/lib/rate-limit/consume-rate-limit";
import { isRecipientRateLimitKey, recipientFromRateLimitKey, recipientRateLimitKey } from "@/lib/rate-limit/recipient-rate-limit-key";
import { fail, type Result } from "@/lib/result";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
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

  // One slot per entry, in the order they were typed; the transaction fills the rest.
  const results: Array<InviteAddressResult | undefined> = new Array(emails.length);
  const candidates = new Map<string, { index: number; input: string; address: string }>();
  const seen = new Set<string>();
  for (const [index, entry] of emails.entries()) {
    const parsedEmail = parseEmail(entry);
    if (!parsedEmail.ok) {
      results[index] = { input: entry, outcome: "invalid", reason: parsedEmail.reason };
    } else if (seen.has(parsedEmail.canonical)) {
      results[index] = { input: entry, email: parsedEmail.canonical, outcome: "duplicate", reason: "Listed more than once" };
    } else if (!isDomainAllowed(parsedEmail.domain, access.team.allowedDomains)) {
      seen.add(parsedEmail.canonical);
      results[index] = {
        input: entry,
        email: parsedEmail.canonical,
        outcome: "domain_not_allowed",
        reason: `${parsedEmail.domain} is not one of this team's allowed domains`,
      };
    } else {
      seen.add(parsedEmail.canonical);
      candidates.set(parsedEmail.canonical, { index, input: entry, address: parsedEmail.address });
    }
  }

  const canonicals = [...candidates.keys()];
  // One round trip for everything the request is checked against, before any transaction.
  const [known] = await db.$queryRaw<Array<{ role: { id: string; name: string; rank: number } | null; groups: number; members: string[]; pending: Array<{ id: string; email: string }> }>>`
    SELECT
      (SELECT json_build_object('id', r."id", 'name', r."name", 'rank', r."rank") FROM "Role" r WHERE r."id" = ${roleId}::uuid AND r."teamId" = ${teamId}::uuid) AS role,
      (SELECT count(*)::int FROM "Group" g WHERE g."id" = ANY(${uniqueGroupIds}::uuid[]) AND g."teamId" = ${teamId}::uuid) AS groups,
      ARRAY(SELECT u."emailCanonical" FROM "User" u JOIN "Membership" m ON m."userId" = u."id" AND m."teamId" = ${teamId}::uuid
            WHERE u."emailCanonical" = ANY(${canonicals}::text[])) AS members,
      (SELECT coalesce(json_agg(json_build_object('id', i."id", 'email', i."pendingKey")), '[]') FROM "Invitation" i
            WHERE i."teamId" = ${teamId}::uuid AND i."pendingKey" = ANY(${canonicals}::text[])) AS pending`;
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

  const memberEmails = new Set(known!.members);
  const pendingByEmail = new Map(known!.pending.map((p) => [p.email, p.id]));
  const toCreate: Array<{ canonical: string; index: number; input: string; address: string }> = [];
  for (const [canonical, candidate] of candidates) {
    if (memberEmails.has(canonical)) {
      results[candidate.index] = { input: candidate.input, email: canonical, outcome: "already_member", reason: "Already a member" };
    } else if (pendingByEmail.has(canonical)) {
      results[candidate.index] = {
        input: candidate.input,
        email: canonical,
        outcome: "already_invited",
        reason: "Already invited: resend the pending invitation instead",
        invitationId: pendingByEmail.get(canonical),
      };
    } else {
      toCreate.push({ canonical, ...candidate });
    }
  }
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
    results[entry.index] = insertedIds.has(row.id)
      ? { input: entry.input, email: row.emailCanonical, outcome: "invited", invitationId: row.id }
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
