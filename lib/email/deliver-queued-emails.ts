import "server-only";
import { buildInvitationUrl, unsealInvitationToken } from "@/lib/crypto/invitation-token";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { renderInvitationEmail } from "./render-invitation-email";
import { renderRenewalRequestEmail } from "./render-renewal-request-email";
import { sendEmails, type OutgoingEmail, type SendOutcome } from "./send-emails";

const MAX_ATTEMPTS = 8;

type ClaimedRow = { id: string; invitationId: string | null; kind: string; to: string; payload: { sendNumber?: number }; idempotencyKey: string; attempts: number };
type Prepared = { row: ClaimedRow; email: OutgoingEmail; sendNumber: number | null } | { row: ClaimedRow; skip: string };

/** Exponential backoff with jitter: 30 s, 1 min, 2 min … capped at one hour. */
export function computeBackoffSeconds(attempts: number, random = Math.random()): number {
  const base = Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + random * 0.4));
}

/**
 * Claims due outbox rows (several server instances can run this at once: SKIP LOCKED plus a
 * lease), renders and sends them, and records each outcome. At-least-once: a row stays
 * PENDING until the provider confirmed it, and its idempotency key makes a repeat harmless.
 */
export async function deliverQueuedEmails({ limit = 200, leaseSeconds = 120 } = {}) {
  const claimed = await db.$queryRaw<ClaimedRow[]>`
    UPDATE "EmailOutbox" SET "lockedUntil" = now() + make_interval(secs => ${leaseSeconds}::int), "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "EmailOutbox"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= now() AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
      ORDER BY "createdAt"
      LIMIT ${limit}::int
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "invitationId", "kind", "to", "payload", "idempotencyKey", "attempts"`;
  if (claimed.length === 0) return { sent: 0, failed: 0, skipped: 0 };

  const prepared = await Promise.all(claimed.map(prepare));
  const sendable = prepared.filter((p): p is Extract<Prepared, { email: OutgoingEmail }> => "email" in p);
  const outcomes = await sendEmails(sendable.map((p) => p.email)).catch((error: unknown) =>
    sendable.map((): SendOutcome => ({ ok: false, retryable: true, error: error instanceof Error ? error.message : String(error) })),
  );

  let skipped = 0;
  for (const item of prepared) {
    if ("skip" in item) {
      skipped += 1;
      await db.emailOutbox.update({ where: { id: item.row.id }, data: { status: "SKIPPED", lastError: item.skip, lockedUntil: null } });
    }
  }
  let sent = 0;
  let failed = 0;
  for (const [index, item] of sendable.entries()) {
    const outcome = outcomes[index]!;
    if (outcome.ok) sent += 1;
    else failed += 1;
    await recordOutcome(item.row, item.sendNumber, outcome);
  }
  return { sent, failed, skipped };
}

async function prepare(row: ClaimedRow): Promise<Prepared> {
  if (!row.invitationId) return { row, skip: "No invitation attached" };
  const invitation = await db.invitation.findUnique({
    where: { id: row.invitationId },
    select: {
      email: true,
      status: true,
      sendCount: true,
      expiresAt: true,
      language: true,
      tokenSealed: true,
      team: { select: { name: true, slug: true } },
      role: { select: { name: true } },
      inviter: { select: { name: true } },
    },
  });
  if (!invitation) return { row, skip: "Invitation deleted" };

  if (row.kind === "renewal_request") {
    const rendered = renderRenewalRequestEmail({ inviteeEmail: invitation.email, teamName: invitation.team.name, teamSlug: invitation.team.slug });
    return { row, sendNumber: null, email: { to: row.to, idempotencyKey: row.idempotencyKey, ...rendered } };
  }

  const sendNumber = Number(row.payload?.sendNumber ?? 0);
  if (invitation.status !== "PENDING") return { row, skip: `Invitation is ${invitation.status.toLowerCase()}` };
  if (sendNumber !== invitation.sendCount) return { row, skip: "Superseded by a newer send" };
  if (invitation.expiresAt.getTime() <= Date.now()) return { row, skip: "Invitation expired before it could be sent" };
  const token = unsealInvitationToken(invitation.tokenSealed);
  if (!token) return { row, skip: "The token can't be unsealed (AUTH_SECRET changed); resend the invitation" };

  const rendered = await renderInvitationEmail({
    language: invitation.language,
    to: invitation.email,
    teamName: invitation.team.name,
    inviterName: invitation.inviter?.name ?? null,
    roleName: invitation.role.name,
    expiresAt: invitation.expiresAt,
    url: buildInvitationUrl(token),
  });
  // Always to the stored address, never to anything the request carried.
  return { row, sendNumber, email: { to: invitation.email, idempotencyKey: row.idempotencyKey, ...rendered } };
}

async function recordOutcome(row: ClaimedRow, sendNumber: number | null, outcome: SendOutcome) {
  const invitationMatches = row.invitationId && sendNumber !== null ? { id: row.invitationId, sendCount: sendNumber } : null;
  if (outcome.ok) {
    await db.emailOutbox.update({
      where: { id: row.id },
      data: { status: "SENT", sentAt: new Date(), providerMessageId: outcome.providerMessageId, lockedUntil: null, lastError: null },
    });
    if (invitationMatches) {
      await db.invitation.updateMany({
        where: { ...invitationMatches, deliveryStatus: { in: ["QUEUED", "FAILED"] } },
        data: { deliveryStatus: "SENT", deliveryError: null },
      });
    }
    return;
  }
  const final = !outcome.retryable || row.attempts >= MAX_ATTEMPTS;
  const delay = outcome.retryAfterSeconds ?? computeBackoffSeconds(row.attempts);
  await db.emailOutbox.update({
    where: { id: row.id },
    data: {
      status: final ? "FAILED" : "PENDING",
      lastError: outcome.error,
      lockedUntil: null,
      nextAttemptAt: new Date(Date.now() + delay * 1000),
    },
  });
  if (invitationMatches) {
    const note = final ? outcome.error : `${outcome.error}; retrying automatically`;
    await db.invitation.updateMany({
      where: { ...invitationMatches, deliveryStatus: { in: ["QUEUED", "FAILED", "SENT"] } },
      data: { deliveryStatus: "FAILED", deliveryError: note.slice(0, 500) },
    });
  }
  if (!env.isProduction || final) console.warn(`[email] delivery failed for outbox ${row.id}: ${outcome.error}${final ? " (giving up)" : ""}`);
}
