import "server-only";
import { randomUUID } from "node:crypto";
import { addDays } from "date-fns";
import type { AuditAction } from "@/lib/audit/audit-actions";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import {
  buildInvitationUrl,
  generateInvitationToken,
  hashInvitationToken,
  sealInvitationToken,
} from "@/lib/crypto/invitation-token";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { runSqlTransaction, type SqlTx } from "@/lib/db/run-transaction";
import { abortTransaction } from "@/lib/db/transaction-abort";
import { invitationIdempotencyKey } from "@/lib/email/enqueue-invitation-email";
import { signalOutbox } from "@/lib/email/outbox-signal";
import { lockTeamSeats } from "@/lib/members/lock-team-seats";
import { canGrantRole } from "@/lib/permissions/can";
import { fail, type Failure, type Result } from "@/lib/result";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { isUuid } from "@/lib/validation/uuid";
import { queueWebhookEvent, teamHasWebhooksSql } from "@/lib/webhooks/queue-webhook-event";
import { invitationEventData } from "@/lib/webhooks/webhook-events";
import type { InvitationLanguage } from "./languages";
import {
  chargeRecipientQuotasSql,
  chargeSharedInviteQuotas,
  refuseRecipients,
  type RecipientRefusals,
} from "./charge-invite-quotas";
import {
  applyKnownAddresses,
  inviteCandidates,
  knownAddressesSql,
  parseInviteAddresses,
  type ClassifiedAddress,
  type KnownAddresses,
} from "./classify-invite-addresses";
import { closePendingInvitation } from "./close-pending-invitation";
import { summarizeInviteResults, type InviteAddressResult } from "./summarize-invite-results";

export type InviteByReferenceInput = {
  emails: string[];
  /** The role's id or key. */
  role: string;
  /** Each group's id or name. */
  groups: string[];
  language: InvitationLanguage;
  /** The inviter's personal note, already parsed (invitationMessageSchema). */
  message?: string;
};

/** The link of the one invitation a request created, for its inviter; null for none or several. */
export type NewInvitationLink = { invitationId: string; url: string } | null;

type Known = {
  now: Date;
  role: { id: string; name: string; rank: number } | null;
  groups: Array<{ id: string; name: string }>;
  hasWebhooks: boolean;
};

const CREATED: AuditAction = "invitation.created";

/**
 * Invites one or many addresses, with the role and groups named by id or by key/name (the UI
 * sends ids, the API either). One authorization, then one read for every check (with the
 * addresses' classification, classify-invite-addresses.ts), outside any transaction; the team's
 * and inviter's quotas charged from leases (charge-invite-quotas.ts); then one transaction (the
 * seat lock when the team has a limit, the rows, the recipients' quotas); emails go out after
 * commit.
 */
export async function inviteMembersByReference(
  actor: Actor | null,
  team: TeamRef,
  input: InviteByReferenceInput,
  fields: { role: string; groups: string } = { role: "role", groups: "groups" },
) {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  const teamId = access.team.id;
  const groupReferences = [...new Set(input.groups)];

  // The role, the groups, the clock, whether any webhook listens and what the team knows of the addresses, in one read.
  const parsed = parseInviteAddresses(access.team, input.emails);
  const [known] = await db.$queryRaw<Array<Known & KnownAddresses>>`
    SELECT now() AS now, ${teamHasWebhooksSql(Prisma.sql`${teamId}::uuid`)} AS "hasWebhooks",
      (SELECT json_build_object('id', r."id", 'name', r."name", 'rank', r."rank") FROM "Role" r
        WHERE r."teamId" = ${teamId}::uuid AND (r."id"::text = lower(${input.role}) OR r."key" = ${input.role})
        ORDER BY r."id"::text = lower(${input.role}) DESC LIMIT 1) AS role,
      (SELECT coalesce(json_agg(json_build_object('id', g."id", 'name', g."name")), '[]') FROM "Group" g
        WHERE g."teamId" = ${teamId}::uuid AND (g."id"::text = ANY(${groupReferences.map((r) => r.toLowerCase())}::text[]) OR g."name" = ANY(${groupReferences}::text[]))) AS groups,
      ${knownAddressesSql(teamId, inviteCandidates(parsed))}`;
  const classified = applyKnownAddresses(parsed, known!);
  const role = known!.role;
  if (!role)
    return fail("INVALID", "Choose a role that exists in this team.", {
      fieldErrors: { [fields.role]: [unknown("role", input.role)] },
    });
  if (!canGrantRole(access.role, role)) {
    return fail("FORBIDDEN", `You can't invite people as ${role.name}: it is above your own role.`, {
      fieldErrors: { [fields.role]: ["Above your own role"] },
    });
  }
  const groupIds: string[] = [];
  for (const reference of groupReferences) {
    const group =
      known!.groups.find((g) => g.id === reference.toLowerCase()) ?? known!.groups.find((g) => g.name === reference);
    if (!group)
      return fail("INVALID", "One of the groups does not exist in this team.", {
        fieldErrors: { [fields.groups]: [unknown("group", reference)] },
      });
    if (!groupIds.includes(group.id)) groupIds.push(group.id);
  }

  const results: Array<InviteAddressResult | undefined> = classified.map((entry) =>
    entry.outcome === "invited"
      ? undefined
      : {
          input: entry.input,
          email: entry.email,
          outcome: entry.outcome,
          reason: entry.reason,
          invitationId: entry.invitationId,
        },
  );
  const toCreate = classified.flatMap((entry, index) =>
    entry.outcome === "invited"
      ? [{ canonical: entry.email!, index, input: entry.input, address: entry.address!, previous: entry.previous }]
      : [],
  );
  if (toCreate.length === 0)
    return {
      ok: true as const,
      ...summarizeInviteResults(results.filter((r) => r !== undefined)),
      link: null,
    } satisfies Result<{ link: NewInvitationLink }>;

  // Sorted, so two requests inviting overlapping lists claim the pending slots in the same order.
  toCreate.sort((a, b) => (a.canonical < b.canonical ? -1 : a.canonical > b.canonical ? 1 : 0));
  const rows = toCreate.map((entry) => {
    const token = generateInvitationToken();
    const id = randomUUID();
    return {
      id,
      email: entry.address,
      canonical: entry.canonical,
      tokenHash: hashInvitationToken(token),
      tokenSealed: sealInvitationToken(token),
      idempotencyKey: invitationIdempotencyKey(id, 1),
      token,
    };
  });
  const now = new Date(known!.now);
  const write: InvitationWrite = {
    teamId,
    roleId: role.id,
    roleName: role.name,
    groupIds,
    language: input.language,
    message: input.message ?? null,
    inviterId: access.membership.userId,
    via: actor!.kind,
    now,
    expiresAt: addDays(now, access.team.invitationLifetimeDays),
  };

  const quota = await chargeSharedInviteQuotas(db, teamId, write.inviterId, rows.length);
  if (!quota.ok) return quota;
  let created: Array<{ id: string; email: string; emailCanonical: string }> | Failure = [];
  try {
    created = await runSqlTransaction(
      async (tx) => {
        if (access.team.seatLimit !== null) {
          const seats = await lockTeamSeats(tx, teamId);
          if (rows.length > seats.free) {
            abortTransaction(
              fail(
                "LIMIT_REACHED",
                `This team has ${seats.free} free seats of ${seats.limit}; remove members or pending invitations first.`,
              ),
            );
          }
        }
        await supersedeExpiredInvitations(tx, write, toCreate);
        const inserted = await insertInvitations(tx, write, rows);
        refuseRecipients(inserted[0]?.recipientRefusals);
        if (known!.hasWebhooks)
          await queueWebhookEvent(
            tx,
            teamId,
            "invitation.created",
            inserted.map((row) => invitationEventData({ ...row, teamId, roleId: role.id })),
          );
        return inserted.map((row) => ({ id: row.id, email: row.email, emailCanonical: row.emailCanonical }));
      },
      { timeoutMs: 30_000 },
    );
  } finally {
    await quota.refund(rows.length - (Array.isArray(created) ? created.length : 0));
  }
  if (!Array.isArray(created)) return created;
  if (created.length > 0) signalOutbox();

  const insertedIds = new Set(created.map((row) => row.id));
  for (const [position, row] of rows.entries()) {
    const entry = toCreate[position]!;
    const reason = classified[entry.index]!.reason;
    results[entry.index] = insertedIds.has(row.id)
      ? {
          input: entry.input,
          email: row.canonical,
          outcome: "invited",
          invitationId: row.id,
          ...(reason ? { reason } : {}),
        }
      : // Another request invited this address between our read and our insert.
        { input: entry.input, email: row.canonical, outcome: "already_invited", reason: "Already invited" };
  }
  // One new invitation: the inviter sees its link at once (the dialog shows it; the API does not return it).
  const single = created.length === 1 ? rows.find((row) => row.id === created[0]!.id) : undefined;
  const link: NewInvitationLink = single ? { invitationId: single.id, url: buildInvitationUrl(single.token) } : null;
  return {
    ok: true as const,
    ...summarizeInviteResults(results.filter((r) => r !== undefined)),
    link,
  } satisfies Result<{ link: NewInvitationLink }>;
}

/** A name is worth repeating back; an id is not. */
function unknown(kind: "role" | "group", reference: string) {
  return isUuid(reference) ? `Unknown ${kind}` : `Unknown ${kind}: ${reference}`;
}

type InvitationWrite = {
  teamId: string;
  roleId: string;
  roleName: string;
  groupIds: string[];
  language: string;
  message: string | null;
  inviterId: string;
  via: string;
  now: Date;
  expiresAt: Date;
};
type InvitationRow = {
  id: string;
  email: string;
  canonical: string;
  tokenHash: string;
  tokenSealed: string;
  idempotencyKey: string;
  /** Never written: the new invitation's link is built from it for its inviter. */
  token: string;
};

/**
 * An expired invitation still holds its address's pending slot: the fresh one replaces it (in
 * address order, like the inserts). One a resend revived meanwhile stays, and its address is
 * skipped as already invited.
 */
async function supersedeExpiredInvitations(
  tx: SqlTx,
  write: InvitationWrite,
  toCreate: Array<{ previous?: ClassifiedAddress["previous"] }>,
) {
  for (const entry of toCreate) {
    if (entry.previous?.state !== "EXPIRED") continue;
    const closed = await closePendingInvitation(
      tx,
      { id: entry.previous.id, teamId: write.teamId },
      { status: "WITHDRAWN", unexpiredOnly: false, expiredOnly: true },
    );
    if (!closed.closed) continue;
    await recordAuditEvents(tx, [
      {
        teamId: write.teamId,
        actorId: write.inviterId,
        action: "invitation.superseded",
        targetType: "invitation",
        targetId: entry.previous.id,
        metadata: { email: closed.invitation.email, reason: "invited again after it expired" },
      },
    ]);
  }
}

/**
 * The invitations, their groups, their outbox rows, their audit events and their recipients'
 * quotas in one statement. An address whose pending slot another request took since the read is
 * skipped (ON CONFLICT), and only the rows inserted get groups, an email, an audit event and a
 * charge.
 */
function insertInvitations(tx: SqlTx, write: InvitationWrite, rows: InvitationRow[]) {
  const column = <K extends keyof InvitationRow>(key: K) => rows.map((row) => row[key]);
  const recipients = chargeRecipientQuotasSql(Prisma.sql`inserted`);
  return tx.$queryRaw<
    Array<{ id: string; email: string; emailCanonical: string; recipientRefusals: RecipientRefusals }>
  >`
    WITH wanted AS (
      SELECT * FROM unnest(${column("id")}::uuid[], ${column("email")}::text[], ${column("canonical")}::text[],
        ${column("tokenHash")}::text[], ${column("tokenSealed")}::text[], ${column("idempotencyKey")}::text[])
        WITH ORDINALITY AS w("id", "email", "canonical", "tokenHash", "tokenSealed", "idempotencyKey", "position")
    ), inserted AS (
      INSERT INTO "Invitation" ("id", "teamId", "email", "emailCanonical", "pendingKey", "roleId", "language", "message", "inviterId",
        "createdAt", "updatedAt", "expiresAt", "tokenHash", "tokenSealed", "sendCount", "lastSentAt")
      SELECT w."id", ${write.teamId}::uuid, w."email", w."canonical", w."canonical", ${write.roleId}::uuid, ${write.language}, ${write.message}::text, ${write.inviterId}::uuid,
        ${write.now}, ${write.now}, ${write.expiresAt}, w."tokenHash", w."tokenSealed", 1, ${write.now}
      FROM wanted w ORDER BY w."position"
      ON CONFLICT DO NOTHING
      RETURNING "id", "email", "emailCanonical"
    ), grouped AS (
      INSERT INTO "InvitationGroup" ("invitationId", "groupId")
      SELECT i."id", g FROM inserted i CROSS JOIN unnest(${write.groupIds}::uuid[]) AS g
    ), queued AS (
      INSERT INTO "EmailOutbox" ("id", "invitationId", "kind", "to", "payload", "idempotencyKey")
      SELECT gen_random_uuid(), i."id", 'invitation', i."email", jsonb_build_object('sendNumber', 1), w."idempotencyKey"
      FROM inserted i JOIN wanted w ON w."id" = i."id"
    ), audited AS (
      INSERT INTO "AuditEvent" ("id", "teamId", "actorId", "action", "targetType", "targetId", "metadata", "createdAt")
      SELECT gen_random_uuid(), ${write.teamId}::uuid, ${write.inviterId}::uuid, ${CREATED}, 'invitation', i."id"::text,
        jsonb_build_object('email', i."email", 'role', ${write.roleName}::text, 'language', ${write.language}::text, 'via', ${write.via}::text), ${write.now}
      FROM inserted i
    ), ${recipients.ctes}
    SELECT "id"::text AS "id", "email", "emailCanonical", ${recipients.refusals} FROM inserted`;
}
