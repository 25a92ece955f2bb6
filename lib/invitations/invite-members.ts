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
import { consumeRateLimit, consumeRateLimitForEach } from "@/lib/rate-limit/consume-rate-limit";
import { recipientFromRateLimitKey, recipientRateLimitKey } from "@/lib/rate-limit/recipient-rate-limit-key";
import { fail, type Result } from "@/lib/result";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { inviteMembersSchema, type InviteMembersInput } from "./schemas";
import { summarizeInviteResults, type InviteAddressResult } from "./summarize-invite-results";
import { zodFailure } from "@/lib/validation/zod-failure";
import { abortTransaction, TransactionAbort } from "./transaction-abort";

/**
 * Invites one or many addresses. Database rows are one transaction (invitations, groups,
 * outbox rows, audit events, rate-limit units); emails go out after commit.
 */
export async function inviteMembers(actor: Actor | null, team: TeamRef, input: InviteMembersInput) {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  const parsed = inviteMembersSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  const { emails, roleId, groupIds, language } = parsed.data;
  const teamId = access.team.id;

  const role = await db.role.findFirst({ where: { id: roleId, teamId }, select: { id: true, name: true, rank: true } });
  if (!role) return fail("INVALID", "Choose a role that exists in this team.", { fieldErrors: { roleId: ["Unknown role"] } });
  if (!canGrantRole(access.role, role)) {
    return fail("FORBIDDEN", `You can't invite people as ${role.name}: it is above your own role.`, {
      fieldErrors: { roleId: ["Above your own role"] },
    });
  }
  const uniqueGroupIds = [...new Set(groupIds)];
  const groups = await db.group.findMany({ where: { id: { in: uniqueGroupIds }, teamId }, select: { id: true } });
  if (groups.length !== uniqueGroupIds.length) {
    return fail("INVALID", "One of the groups does not exist in this team.", { fieldErrors: { groupIds: ["Unknown group"] } });
  }

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

  try {
    const created = await db.$transaction(
      async (tx) => {
        const canonicals = [...candidates.keys()];
        // One connection per transaction: its queries run one after another.
        const members = await tx.membership.findMany({
          where: { teamId, user: { emailCanonical: { in: canonicals } } },
          select: { user: { select: { emailCanonical: true } } },
        });
        const pending = await tx.invitation.findMany({
          where: { teamId, pendingKey: { in: canonicals } },
          select: { id: true, emailCanonical: true },
        });
        const memberEmails = new Set(members.map((m) => m.user.emailCanonical));
        const pendingByEmail = new Map(pending.map((p) => [p.emailCanonical, p.id]));

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
        if (toCreate.length === 0) return [];

        for (const [key, limit] of [
          [`invite:team:${teamId}`, env.INVITES_PER_TEAM_PER_HOUR],
          [`invite:inviter:${access.membership.userId}`, env.INVITES_PER_INVITER_PER_HOUR],
        ] as const) {
          const outcome = await consumeRateLimit(tx, { key, limit, windowSeconds: 3600, cost: toCreate.length });
          if (!outcome.allowed) {
            abortTransaction(
              fail("RATE_LIMITED", `Too many invitations this hour (limit ${limit}${outcome.remaining ? `, ${outcome.remaining} left` : ""}). Try again in ${Math.ceil(outcome.resetSeconds / 60)} minutes.`, {
                retryAfterSeconds: outcome.resetSeconds,
              }),
            );
          }
        }

        const recipients = await consumeRateLimitForEach(tx, {
          keys: toCreate.map((entry) => recipientRateLimitKey(entry.canonical)),
          limit: env.INVITES_PER_RECIPIENT_PER_HOUR,
          windowSeconds: 3600,
        });
        if (recipients.refused.length > 0) {
          const [first, ...others] = recipients.refused.map(recipientFromRateLimitKey);
          abortTransaction(
            fail(
              "RATE_LIMITED",
              `${first}${others.length ? ` and ${others.length} more` : ""} already received ${env.INVITES_PER_RECIPIENT_PER_HOUR} invitations this hour. Remove ${others.length ? "them" : "it"} or try again in ${Math.ceil(recipients.resetSeconds / 60)} minutes.`,
              { retryAfterSeconds: recipients.resetSeconds },
            ),
          );
        }

        const now = await readDatabaseNow(tx);
        if (access.team.seatLimit !== null) {
          await tx.$queryRaw`SELECT id FROM "Team" WHERE id = ${teamId}::uuid FOR UPDATE`;
          const memberCount = await tx.membership.count({ where: { teamId } });
          const pendingCount = await tx.invitation.count({ where: { teamId, status: "PENDING", expiresAt: { gt: now } } });
          const free = access.team.seatLimit - memberCount - pendingCount;
          if (toCreate.length > free) {
            abortTransaction(
              fail("LIMIT_REACHED", `This team has ${Math.max(0, free)} free seats of ${access.team.seatLimit}; remove members or pending invitations first.`),
            );
          }
        }

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
        const inserted = await tx.invitation.createManyAndReturn({
          data: rows,
          skipDuplicates: true,
          select: { id: true, emailCanonical: true, email: true },
        });
        const insertedIds = new Set(inserted.map((row) => row.id));
        for (const row of rows) {
          const entry = toCreate.find((e) => e.canonical === row.emailCanonical)!;
          results[entry.index] = insertedIds.has(row.id)
            ? { input: entry.input, email: row.emailCanonical, outcome: "invited", invitationId: row.id }
            : // Another request invited this address between our read and our insert.
              { input: entry.input, email: row.emailCanonical, outcome: "already_invited", reason: "Already invited" };
        }
        if (uniqueGroupIds.length > 0) {
          await tx.invitationGroup.createMany({
            data: inserted.flatMap((row) => uniqueGroupIds.map((groupId) => ({ invitationId: row.id, groupId }))),
          });
        }
        await enqueueInvitationEmails(
          tx,
          inserted.map((row) => ({ invitationId: row.id, to: row.email, sendNumber: 1 })),
        );
        await recordAuditEvents(
          tx,
          inserted.map((row) => ({
            teamId,
            actorId: access.membership.userId,
            action: "invitation.created",
            targetType: "invitation",
            targetId: row.id,
            metadata: { email: row.email, role: role.name, language, via: actor!.kind },
          })),
        );
        return inserted;
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
    if (created.length > 0) signalOutbox();
  } catch (error) {
    if (error instanceof TransactionAbort) return error.failure;
    throw error;
  }

  return { ok: true as const, ...summarizeInviteResults(results.filter((r) => r !== undefined)) } satisfies Result;
}
