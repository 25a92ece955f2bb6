import "server-only";
import { env } from "@/lib/env";
import type { Db } from "@/lib/db";
import { consumeRateLimits, refundRateLimits, type RateLimitCharge } from "@/lib/rate-limit/consume-rate-limit";
import { isRecipientRateLimitKey, recipientFromRateLimitKey, recipientRateLimitKey } from "@/lib/rate-limit/recipient-rate-limit-key";
import { fail } from "@/lib/result";

type Executor = Pick<Db, "$queryRaw">;

const WINDOW_SECONDS = 3600;

function quotaCharges(teamId: string, inviterId: string, recipients: string[]): RateLimitCharge[] {
  return [
    { key: `invite:team:${teamId}`, limit: env.INVITES_PER_TEAM_PER_HOUR, cost: recipients.length },
    { key: `invite:inviter:${inviterId}`, limit: env.INVITES_PER_INVITER_PER_HOUR, cost: recipients.length },
    ...recipients.map((canonical) => ({ key: recipientRateLimitKey(canonical), limit: env.INVITES_PER_RECIPIENT_PER_HOUR, cost: 1 })),
  ];
}

/**
 * The team's, the inviter's and each recipient's hourly quota, charged for the addresses about to
 * be invited, in one statement of its own before the invite's transaction: a counter row is locked
 * only for that statement, never across the transaction's round trips, so invites within one team
 * run side by side instead of queueing behind the team's counter. All or nothing: a refusal gives
 * back what the statement did charge. `refund` gives back the units of addresses that were not
 * invited after all (the transaction failed, or another request invited them first). A crash in
 * between leaves units charged for nothing, the safe side of a limit.
 */
export async function chargeInviteQuotas(executor: Executor, teamId: string, inviterId: string, recipients: string[]) {
  const charges = quotaCharges(teamId, inviterId, recipients);
  const quota = await consumeRateLimits(executor, { windowSeconds: WINDOW_SECONDS, charges });
  const refund = (notInvited: string[]) =>
    notInvited.length ? refundRateLimits(executor, { windowStart: quota.windowStart, charges: quotaCharges(teamId, inviterId, notInvited) }) : Promise.resolve();
  if (quota.refused.length === 0) return { ok: true as const, refund };

  const refusedKeys = new Set(quota.refused.map((refusal) => refusal.key));
  await refundRateLimits(executor, { windowStart: quota.windowStart, charges: charges.filter((charge) => !refusedKeys.has(charge.key)) });
  const minutes = Math.ceil(quota.resetSeconds / 60);
  const retry = { retryAfterSeconds: quota.resetSeconds };
  const shared = quota.refused.find((refusal) => !isRecipientRateLimitKey(refusal.key));
  if (shared) {
    const left = shared.remaining ? `, ${shared.remaining} left` : "";
    return fail("RATE_LIMITED", `Too many invitations this hour (limit ${shared.limit}${left}). Try again in ${minutes} minutes.`, retry);
  }
  const [first, ...others] = quota.refused.map((refusal) => recipientFromRateLimitKey(refusal.key));
  return fail(
    "RATE_LIMITED",
    `${first}${others.length ? ` and ${others.length} more` : ""} already received ${env.INVITES_PER_RECIPIENT_PER_HOUR} invitations this hour. Remove ${others.length ? "them" : "it"} or try again in ${minutes} minutes.`,
    retry,
  );
}
