import "server-only";
import { env } from "@/lib/env";
import type { Tx } from "@/lib/db/run-transaction";
import { abortTransaction } from "@/lib/db/transaction-abort";
import { consumeRateLimits } from "@/lib/rate-limit/consume-rate-limit";
import { isRecipientRateLimitKey, recipientFromRateLimitKey, recipientRateLimitKey } from "@/lib/rate-limit/recipient-rate-limit-key";
import { fail } from "@/lib/result";

/**
 * The team's, the inviter's and each recipient's hourly quota, charged for the invitations this
 * transaction created and nothing else, as its last statement: the counters stay locked only until
 * the commit, so invites within one team run side by side. A refusal rolls back everything.
 */
export async function chargeInviteQuotas(tx: Tx, teamId: string, inviterId: string, recipients: string[]) {
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
