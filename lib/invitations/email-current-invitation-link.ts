import "server-only";
import { randomUUID } from "node:crypto";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import { hashInvitationToken, isWellFormedInvitationToken } from "@/lib/crypto/invitation-token";
import { runTransaction } from "@/lib/db/run-transaction";
import { abortTransaction } from "@/lib/db/transaction-abort";
import { env } from "@/lib/env";
import { signalOutbox } from "@/lib/email/outbox-signal";
import { consumeRateLimits } from "@/lib/rate-limit/consume-rate-limit";
import { recipientRateLimitKey } from "@/lib/rate-limit/recipient-rate-limit-key";
import { fail, type Failure } from "@/lib/result";

export function currentLinkRateLimitKey(invitationId: string): string {
  return `current-link:${invitationId}`;
}

/**
 * "Email me the current link", offered by a link that "Reset link" replaced. The current link
 * goes only to the invitation's own stored address, never anywhere the request names, and only
 * while the invitation is open. The answer is the same whatever happens (unknown token, closed
 * invitation, limit reached, email queued), so the button tells a guesser nothing. Limited per
 * invitation (its own counter, so an invitee cannot use up the admins' resends) and per
 * recipient, shared with invitations: the same hourly counters, charged last.
 */
export async function emailCurrentInvitationLink(token: string): Promise<{ ok: true } | Failure> {
  if (!isWellFormedInvitationToken(token)) return { ok: true };
  const tokenHash = hashInvitationToken(token);
  const queued = await runTransaction(async (tx) => {
    const rows = await tx.$queryRaw<
      Array<{ id: string; teamId: string; email: string; emailCanonical: string; sendCount: number }>
    >`
      SELECT i."id", i."teamId", i."email", i."emailCanonical", i."sendCount"
      FROM "InvitationPreviousToken" p JOIN "Invitation" i ON i."id" = p."invitationId"
      WHERE p."tokenHash" = ${tokenHash} AND i."status" = 'PENDING' AND i."expiresAt" > now()`;
    const invitation = rows[0];
    if (!invitation) return false;
    await tx.emailOutbox.create({
      data: {
        invitationId: invitation.id,
        kind: "current_link",
        to: invitation.email,
        payload: { forSend: invitation.sendCount },
        idempotencyKey: `invitation/${invitation.id}/current-link/${randomUUID()}`,
      },
    });
    await recordAuditEvents(tx, [
      {
        teamId: invitation.teamId,
        actorId: null,
        action: "invitation.current_link_requested",
        targetType: "invitation",
        targetId: invitation.id,
        metadata: { email: invitation.email },
      },
    ]);
    const quota = await consumeRateLimits(tx, {
      windowSeconds: 3600,
      charges: [
        { key: currentLinkRateLimitKey(invitation.id), limit: env.RESENDS_PER_INVITATION_PER_HOUR, cost: 1 },
        { key: recipientRateLimitKey(invitation.emailCanonical), limit: env.INVITES_PER_RECIPIENT_PER_HOUR, cost: 1 },
      ],
    });
    if (quota.refused.length > 0)
      abortTransaction(
        fail("RATE_LIMITED", "Too many requests for this invitation.", { retryAfterSeconds: quota.resetSeconds }),
      );
    return true;
  });
  if (queued === true) signalOutbox();
  // A refusal looks like a success: saying "limit reached" would confirm the link belongs to an open invitation.
  if (typeof queued === "object" && queued.code !== "RATE_LIMITED") return queued;
  return { ok: true };
}
