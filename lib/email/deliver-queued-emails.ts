import "server-only";
import { createHash } from "node:crypto";
import { buildInvitationUrl, unsealInvitationToken } from "@/lib/crypto/invitation-token";
import { db } from "@/lib/db";
import { TRANSACTION_MAX_WAIT_MS } from "@/lib/db/create-client";
import { readDatabaseNow } from "@/lib/db/database-now";
import { runSqlTransaction } from "@/lib/db/run-transaction";
import { env } from "@/lib/env";
import { renderInvitationEmail } from "./render-invitation-email";
import { ANSWER_NOTIFICATION_KIND } from "@/lib/invitations/queue-answer-notifications";
import {
  prepareAnswerNotification,
  readAnswerNotifications,
  type AnswerNotificationData,
} from "./prepare-answer-notification";
import { EMAIL_VERIFICATION_KIND } from "@/lib/invite-links/queue-email-verification";
import { prepareEmailVerification } from "./prepare-email-verification";
import { preparePasswordResetEmail } from "./prepare-password-reset-email";
import { prepareJoinRequestDecisionEmail } from "./prepare-join-request-decision-email";
import { JOIN_REQUEST_DECISION_KIND } from "@/lib/join-requests/queue-join-request-decision-email";
import { renderRenewalRequestEmail } from "./render-renewal-request-email";
import { BATCH_LIMIT, sendEmail, sendEmailBatch, type OutgoingEmail, type SendOutcome } from "./send-emails";

/**
 * How long an email keeps being retried through an outage. An invitation's email is retried for
 * as long as the invitation is pending (a claimed row of an expired, withdrawn or superseded
 * invitation is skipped); any other email for this long after it was queued.
 */
export const OTHER_EMAIL_RETRY_HOURS = 24;
export const MAX_BACKOFF_SECONDS = 600;
/** Serialises claims across senders, so a batch's rows are always claimed together. */
const CLAIM_LOCK_ID = 7_468_205_733;
const YIELD_EVERY = 10;

/**
 * batchKey: the idempotency key of the batch request this row went out in; a retry replays that batch.
 * sendNumber: an invitation email's send (its delivery status is the invitation's); forSend: the
 * send a reminder or a current-link email belongs to (their delivery is not the invitation's).
 * answer, recipientId, language: an answer notification's.
 */
type OutboxPayload = {
  sendNumber?: number;
  forSend?: number;
  batchKey?: string;
  answer?: string;
  recipientId?: string;
  language?: string;
  verificationId?: string;
} | null;
type ClaimedRow = {
  id: string;
  invitationId: string | null;
  passwordResetId: string | null;
  joinRequestId: string | null;
  kind: string;
  to: string;
  payload: OutboxPayload;
  idempotencyKey: string;
  attempts: number;
};
type Prepared =
  | { row: ClaimedRow; sendNumber: number | null; email: OutgoingEmail }
  | { row: ClaimedRow; sendNumber: number | null; skip: string }
  | { row: ClaimedRow; sendNumber: number | null; error: string };
type Sendable = Extract<Prepared, { email: OutgoingEmail }>;
type Unprepared = Extract<Prepared, { error: string }>;
type Tally = { sent: number; failed: number; skipped: number };

/**
 * Exponential backoff with jitter: 30 s, 1 min, 2 min … capped at ten minutes, so an email goes
 * out within minutes of the provider's recovery however long the outage lasted.
 */
export function computeBackoffSeconds(attempts: number, random = Math.random()): number {
  const base = Math.min(MAX_BACKOFF_SECONDS, 30 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + random * 0.4));
}

/**
 * Claims due outbox rows (several server instances can run this at once: a claim lock, SKIP
 * LOCKED and a lease), renders and sends them, and records each outcome as soon as it is
 * known. At-least-once, never twice: a row stays PENDING until the provider confirmed it, and
 * every retry replays the request it was first sent in, under the same idempotency key — an
 * email first sent alone is retried alone, a batch is retried as that batch (its rows are
 * claimed together, whenever any of them falls due).
 *
 * `signal` stops the sender like a crash would: whatever is in flight is left unrecorded,
 * under its lease, for the next sender.
 */
export async function deliverQueuedEmails({
  limit = 200,
  leaseSeconds = 120,
  signal,
}: { limit?: number; leaseSeconds?: number; signal?: AbortSignal } = {}): Promise<Tally> {
  const tally: Tally = { sent: 0, failed: 0, skipped: 0 };
  const claimed = await claimDueRows(limit, leaseSeconds);
  if (claimed.length === 0) return tally;

  const [now, invitations, answers] = await Promise.all([
    readDatabaseNow(db),
    readInvitationsToSend(claimed.flatMap((row) => (row.invitationId ? [row.invitationId] : []))),
    readAnswerNotifications(
      claimed.flatMap((row) =>
        row.kind === ANSWER_NOTIFICATION_KIND && row.invitationId
          ? [{ id: row.id, invitationId: row.invitationId, payload: row.payload }]
          : [],
      ),
    ),
  ]);
  const prepared: Prepared[] = [];
  for (const row of claimed) {
    prepared.push(await prepareSafely(row, { invitations, answers }, now));
    // Requests in flight get the event loop between emails: a pass of 100 held it for 7–15 ms at a stretch.
    if (prepared.length % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  const skipped = prepared.filter((item): item is Extract<Prepared, { skip: string }> => "skip" in item);
  if (skipped.length > 0) {
    tally.skipped += skipped.length;
    await db.$executeRaw`
      UPDATE "EmailOutbox" o SET "status" = 'SKIPPED', "lastError" = s."reason", "lockedUntil" = NULL
      FROM unnest(${skipped.map((item) => item.row.id)}::uuid[], ${skipped.map((item) => item.skip)}::text[]) AS s("id", "reason")
      WHERE o."id" = s."id" AND o."status" = 'PENDING'`;
  }

  const byId = (a: Prepared, b: Prepared) => a.row.id.localeCompare(b.row.id);
  const batches = new Map<string, Prepared[]>();
  const fresh: Prepared[] = [];
  const retriedAlone: Prepared[] = [];
  for (const item of prepared) {
    const batchKey = item.row.payload?.batchKey;
    if (batchKey) batches.set(batchKey, [...(batches.get(batchKey) ?? []), item]);
    else if (item.row.attempts > 1) retriedAlone.push(item);
    else fresh.push(item);
  }

  for (const [batchKey, members] of batches) {
    stopIfAborted(signal);
    await replayBatch(batchKey, members.sort(byId), signal, tally);
  }
  for (const item of retriedAlone) {
    stopIfAborted(signal);
    await sendAlone(item, signal, tally);
  }
  const freshSendable = fresh.filter(isSendable).sort(byId);
  for (const item of fresh.filter(isUnprepared)) await recordUnprepared(item, tally);
  for (let start = 0; start < freshSendable.length; start += BATCH_LIMIT) {
    stopIfAborted(signal);
    const chunk = freshSendable.slice(start, start + BATCH_LIMIT);
    if (chunk.length === 1) {
      await sendAlone(chunk[0]!, signal, tally);
      continue;
    }
    const batchKey = `batch/${createHash("sha256")
      .update(chunk.map((item) => item.email.idempotencyKey).join("\n"))
      .digest("hex")}`;
    // Remembered before the request leaves: whatever happens next, a retry replays this batch.
    await db.$executeRaw`
      UPDATE "EmailOutbox" SET "payload" = "payload" || jsonb_build_object('batchKey', ${batchKey}::text)
      WHERE "id" = ANY(${chunk.map((item) => item.row.id)}::uuid[])`;
    await recordOutcomes(
      chunk,
      await sendEmailBatch(
        chunk.map((item) => item.email),
        batchKey,
        signal,
      ),
      tally,
    );
  }
  return tally;
}

const isSendable = (item: Prepared): item is Sendable => "email" in item;
const isUnprepared = (item: Prepared): item is Unprepared => "error" in item;

function stopIfAborted(signal?: AbortSignal) {
  if (signal?.aborted) throw signal.reason;
}

async function claimDueRows(limit: number, leaseSeconds: number): Promise<ClaimedRow[]> {
  const claimed = await runSqlTransaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CLAIM_LOCK_ID}::bigint)`;
      return tx.$queryRaw<ClaimedRow[]>`
      WITH due AS (
        SELECT "id", "payload"->>'batchKey' AS "batchKey" FROM "EmailOutbox"
        WHERE "status" = 'PENDING' AND "nextAttemptAt" <= now() AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
        ORDER BY "createdAt"
        LIMIT ${limit}::int
        FOR UPDATE SKIP LOCKED
      ), batch_mates AS (
        SELECT o."id" FROM "EmailOutbox" o
        WHERE o."status" = 'PENDING' AND (o."lockedUntil" IS NULL OR o."lockedUntil" < now())
          AND o."payload"->>'batchKey' IN (SELECT "batchKey" FROM due WHERE "batchKey" IS NOT NULL)
        FOR UPDATE SKIP LOCKED
      )
      UPDATE "EmailOutbox" SET "lockedUntil" = now() + make_interval(secs => ${leaseSeconds}::int), "attempts" = "attempts" + 1
      WHERE "id" IN (SELECT "id" FROM due UNION SELECT "id" FROM batch_mates)
      RETURNING "id", "invitationId", "passwordResetId", "joinRequestId", "kind", "to", "payload", "idempotencyKey", "attempts"`;
    },
    { maxWaitMs: TRANSACTION_MAX_WAIT_MS },
  );
  // No connection in time, or a race past its retries: this run ends (the worker logs it) and the next poll claims.
  if (!Array.isArray(claimed)) throw new Error(claimed.error);
  return claimed;
}

async function sendAlone(item: Prepared, signal: AbortSignal | undefined, tally: Tally) {
  if (isUnprepared(item)) return recordUnprepared(item, tally);
  if (!isSendable(item)) return;
  await recordOutcomes([item], [await sendEmail(item.email, signal)], tally);
}

/**
 * A retry of a batch: the same key with its still-live members. Resend replays an identical
 * request and refuses a changed one (which proves it accepted the original). When a live
 * member could not be prepared this time, a fresh answer to the smaller batch proves the
 * original never went out, so that member is detached and later sent alone under its own key.
 */
async function replayBatch(batchKey: string, members: Prepared[], signal: AbortSignal | undefined, tally: Tally) {
  const sendable = members.filter(isSendable);
  const unprepared = members.filter(isUnprepared);
  if (sendable.length === 0) {
    for (const item of unprepared) await recordUnprepared(item, tally);
    return;
  }
  const outcomes = await sendEmailBatch(
    sendable.map((item) => item.email),
    batchKey,
    signal,
  );
  await recordOutcomes(sendable, outcomes, tally);
  const acceptedBefore = outcomes.some((outcome) => outcome.ok && outcome.providerMessageId === null);
  const answeredNow = outcomes.some((outcome) => outcome.ok && outcome.providerMessageId !== null);
  for (const item of unprepared) {
    if (acceptedBefore) {
      await recordOutcome(item.row, item.sendNumber, { ok: true, providerMessageId: null }, tally);
      continue;
    }
    if (answeredNow) {
      await db.$executeRaw`UPDATE "EmailOutbox" SET "payload" = "payload" - 'batchKey' WHERE "id" = ${item.row.id}::uuid`;
    }
    await recordUnprepared(item, tally);
  }
}

/** A batch that failed as a whole stays together: one retry time for all its rows. */
async function recordOutcomes(items: Sendable[], outcomes: SendOutcome[], tally: Tally) {
  const shared = outcomes.every((outcome) => !outcome.ok && outcome.retryable)
    ? computeBackoffSeconds(Math.max(...items.map((item) => item.row.attempts)))
    : undefined;
  const sent = items.flatMap((item, index) => {
    const outcome = outcomes[index]!;
    return outcome.ok
      ? [{ row: item.row, sendNumber: item.sendNumber, providerMessageId: outcome.providerMessageId }]
      : [];
  });
  await recordSent(sent, tally);
  for (const [index, item] of items.entries()) {
    const outcome = outcomes[index]!;
    if (!outcome.ok) await recordOutcome(item.row, item.sendNumber, outcome, tally, shared);
  }
}

const ACCEPTED_EARLIER = "Resend had already accepted this email in an earlier attempt";

/**
 * Every sent row of a request in two statements (a batch of 100 used to take 200): the
 * invitations' delivery status, then the outbox rows. Each commits alone, so neither holds a lock
 * while waiting for the other; a crash in between leaves the outbox row to a retry, which Resend
 * answers from its idempotency key without sending again.
 */
async function recordSent(
  sent: Array<{ row: ClaimedRow; sendNumber: number | null; providerMessageId: string | null }>,
  tally: Tally,
) {
  if (sent.length === 0) return;
  tally.sent += sent.length;
  const invitations = sent.filter((item) => item.row.invitationId && item.sendNumber !== null);
  if (invitations.length > 0) {
    await db.$executeRaw`
      UPDATE "Invitation" i SET "deliveryStatus" = 'SENT', "deliveryError" = NULL
      FROM unnest(${invitations.map((item) => item.row.invitationId!)}::uuid[], ${invitations.map((item) => item.sendNumber!)}::int[]) AS s("id", "sendNumber")
      WHERE i."id" = s."id" AND i."sendCount" = s."sendNumber" AND i."deliveryStatus" IN ('QUEUED', 'FAILED')`;
  }
  await db.$executeRaw`
    UPDATE "EmailOutbox" o
    SET "status" = 'SENT', "sentAt" = now(), "providerMessageId" = s."providerMessageId", "lockedUntil" = NULL,
        "lastError" = CASE WHEN s."providerMessageId" IS NULL THEN ${ACCEPTED_EARLIER} END
    FROM unnest(${sent.map((item) => item.row.id)}::uuid[], ${sent.map((item) => item.providerMessageId)}::text[]) AS s("id", "providerMessageId")
    WHERE o."id" = s."id" AND o."status" = 'PENDING'`;
}

function recordUnprepared(item: Unprepared, tally: Tally) {
  return recordOutcome(item.row, item.sendNumber, { ok: false, retryable: true, error: item.error }, tally);
}

type InvitationToSend = {
  id: string;
  email: string;
  status: string;
  sendCount: number;
  expiresAt: Date;
  language: string;
  tokenSealed: string;
  message: string | null;
  teamName: string;
  teamSlug: string;
  remindBeforeExpiry: boolean;
  roleName: string;
  inviterName: string | null;
};

/** Every claimed row's invitation in one statement (a claim holds up to 200 rows). */
async function readInvitationsToSend(ids: string[]): Promise<Map<string, InvitationToSend>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<InvitationToSend[]>`
    SELECT i."id"::text AS "id", i."email", i."status"::text AS "status", i."sendCount", i."expiresAt", i."language",
      i."tokenSealed", i."message", t."name" AS "teamName", t."slug" AS "teamSlug", t."remindBeforeExpiry", r."name" AS "roleName",
      u."name" AS "inviterName"
    FROM "Invitation" i
    JOIN "Team" t ON t."id" = i."teamId"
    JOIN "Role" r ON r."id" = i."roleId"
    LEFT JOIN "User" u ON u."id" = i."inviterId"
    WHERE i."id" = ANY(${[...new Set(ids)]}::uuid[])`;
  return new Map(rows.map((row) => [row.id, row]));
}

/** What the claim's rows were read with, by invitation id and (answer notifications) by outbox row id. */
type ClaimReads = { invitations: Map<string, InvitationToSend>; answers: Map<string, AnswerNotificationData> };

async function prepareSafely(row: ClaimedRow, reads: ClaimReads, now: Date): Promise<Prepared> {
  const sendNumber = row.kind === "invitation" ? Number(row.payload?.sendNumber ?? 0) : null;
  try {
    return await prepare(row, sendNumber, reads, now);
  } catch (error) {
    return { row, sendNumber, error: error instanceof Error ? error.message : String(error) };
  }
}

async function prepare(
  row: ClaimedRow,
  sendNumber: number | null,
  { invitations, answers }: ClaimReads,
  now: Date,
): Promise<Prepared> {
  if (row.kind === "password_reset") {
    if (!row.passwordResetId) return { row, sendNumber, skip: "No reset link attached" };
    const reset = await preparePasswordResetEmail(row.passwordResetId, row.payload, now);
    if ("skip" in reset) return { row, sendNumber, skip: reset.skip };
    return { row, sendNumber, email: { idempotencyKey: row.idempotencyKey, ...reset } };
  }
  if (row.kind === JOIN_REQUEST_DECISION_KIND) {
    if (!row.joinRequestId) return { row, sendNumber, skip: "No join request attached" };
    const notice = await prepareJoinRequestDecisionEmail(row.joinRequestId, row.payload);
    if ("skip" in notice) return { row, sendNumber, skip: notice.skip };
    return { row, sendNumber, email: { to: row.to, idempotencyKey: row.idempotencyKey, ...notice } };
  }
  if (row.kind === EMAIL_VERIFICATION_KIND) {
    const confirmation = await prepareEmailVerification(row.payload, now);
    if ("skip" in confirmation) return { row, sendNumber, skip: confirmation.skip };
    return { row, sendNumber, email: { idempotencyKey: row.idempotencyKey, ...confirmation } };
  }
  if (!row.invitationId) return { row, sendNumber, skip: "No invitation attached" };
  if (row.kind === ANSWER_NOTIFICATION_KIND) {
    const notice = await prepareAnswerNotification(answers.get(row.id), row.payload);
    if ("skip" in notice) return { row, sendNumber, skip: notice.skip };
    return { row, sendNumber, email: { to: row.to, idempotencyKey: row.idempotencyKey, ...notice } };
  }
  const invitation = invitations.get(row.invitationId);
  if (!invitation) return { row, sendNumber, skip: "Invitation deleted" };

  if (row.kind === "renewal_request") {
    const rendered = renderRenewalRequestEmail({
      inviteeEmail: invitation.email,
      teamName: invitation.teamName,
      teamSlug: invitation.teamSlug,
    });
    return { row, sendNumber, email: { to: row.to, idempotencyKey: row.idempotencyKey, ...rendered } };
  }

  if (invitation.status !== "PENDING")
    return { row, sendNumber, skip: `Invitation is ${invitation.status.toLowerCase()}` };
  if (row.kind === "invitation" && sendNumber !== invitation.sendCount)
    return { row, sendNumber, skip: "Superseded by a newer send" };
  if (row.kind === "invitation_reminder") {
    // A resend since restarted the lifetime (and mailed the link): this reminder is about an expiry that no longer holds.
    if (Number(row.payload?.forSend ?? 0) !== invitation.sendCount)
      return { row, sendNumber, skip: "Superseded by a newer send" };
    if (!invitation.remindBeforeExpiry) return { row, sendNumber, skip: "The team turned reminders off" };
  }
  if (invitation.expiresAt <= now) return { row, sendNumber, skip: "Invitation expired before it could be sent" };
  const token = unsealInvitationToken(invitation.tokenSealed);
  if (!token)
    return { row, sendNumber, skip: "The token can't be unsealed (AUTH_SECRET changed); resend the invitation" };

  const rendered = await renderInvitationEmail({
    language: invitation.language,
    to: invitation.email,
    teamName: invitation.teamName,
    inviterName: invitation.inviterName,
    roleName: invitation.roleName,
    expiresAt: invitation.expiresAt,
    url: buildInvitationUrl(token),
    message: invitation.message,
    variant:
      row.kind === "invitation_reminder" ? "reminder" : row.kind === "current_link" ? "current_link" : "invitation",
  });
  // Always to the stored address, never to anything the request carried.
  return { row, sendNumber, email: { to: invitation.email, idempotencyKey: row.idempotencyKey, ...rendered } };
}

/**
 * Outbox rows change only while PENDING; an invitation's delivery status only moves forward
 * (a failure never overwrites what Resend already reported for the same send).
 */
async function recordOutcome(
  row: ClaimedRow,
  sendNumber: number | null,
  outcome: SendOutcome,
  tally: Tally,
  sharedDelaySeconds?: number,
) {
  const invitationMatches =
    row.invitationId && sendNumber !== null ? { id: row.invitationId, sendCount: sendNumber } : null;
  if (outcome.ok) return recordSent([{ row, sendNumber, providerMessageId: outcome.providerMessageId }], tally);
  tally.failed += 1;
  const delay = outcome.retryAfterSeconds ?? sharedDelaySeconds ?? computeBackoffSeconds(row.attempts);
  // The deadline is judged by the database clock, like every other time in the outbox.
  const [updated] = await db.$queryRaw<Array<{ status: string }>>`
    UPDATE "EmailOutbox"
    SET "status" = (CASE WHEN ${!outcome.retryable}::boolean
                           OR ("kind" <> 'invitation' AND "createdAt" <= now() - make_interval(hours => ${OTHER_EMAIL_RETRY_HOURS}::int))
                         THEN 'FAILED' ELSE 'PENDING' END)::"OutboxStatus",
        "lastError" = ${outcome.error.slice(0, 2000)}, "lockedUntil" = NULL,
        "nextAttemptAt" = now() + make_interval(secs => ${delay}::int)
    WHERE "id" = ${row.id}::uuid AND "status" = 'PENDING'
    RETURNING "status"`;
  const final = updated?.status === "FAILED";
  if (invitationMatches) {
    // An undeliverable address reads differently from an outage: the first needs a person, the second only time.
    const note = !outcome.retryable
      ? `Undeliverable: ${outcome.error}`
      : final
        ? outcome.error
        : `${outcome.error}; retrying automatically`;
    await db.invitation.updateMany({
      where: { ...invitationMatches, deliveryStatus: { in: ["QUEUED", "FAILED"] } },
      data: { deliveryStatus: "FAILED", deliveryError: note.slice(0, 500) },
    });
  }
  if (!env.isProduction || final)
    console.warn(`[email] delivery failed for outbox ${row.id}: ${outcome.error}${final ? " (giving up)" : ""}`);
}
