import "server-only";
import { env } from "@/lib/env";
import type { Db } from "@/lib/db";
import type { SqlTx } from "@/lib/db/run-transaction";
import { abortTransaction } from "@/lib/db/transaction-abort";
import { consumeRateLimits, refundRateLimits, type RateLimitCharge } from "@/lib/rate-limit/consume-rate-limit";
import { recipientFromRateLimitKey, recipientRateLimitKey } from "@/lib/rate-limit/recipient-rate-limit-key";
import { fail } from "@/lib/result";

type Executor = Pick<Db, "$queryRaw">;

const WINDOW_SECONDS = 3600;

function sharedCharges(teamId: string, inviterId: string, count: number): RateLimitCharge[] {
  return [
    { key: `invite:team:${teamId}`, limit: env.INVITES_PER_TEAM_PER_HOUR, cost: count },
    { key: `invite:inviter:${inviterId}`, limit: env.INVITES_PER_INVITER_PER_HOUR, cost: count },
  ];
}

const minutesUntil = (seconds: number) => Math.ceil(seconds / 60);

/**
 * The team's and the inviter's hourly quotas, charged for the addresses about to be invited in a
 * statement of their own, before the invite's transaction: these two rows are shared by every
 * invite of the team, and inside the transaction each invite held them until its COMMIT, so a
 * team's invites queued behind each other. All or nothing (a refusal gives back what the
 * statement charged); `refund(n)` gives back the units of addresses not invited after all (the
 * transaction failed, or another request invited them first). Until then, racing requests see
 * each other's units: near its limit a team may be refused a moment early, never let past it.
 */
export async function chargeSharedInviteQuotas(executor: Executor, teamId: string, inviterId: string, count: number) {
  const charges = sharedCharges(teamId, inviterId, count);
  const quota = await consumeRateLimits(executor, { windowSeconds: WINDOW_SECONDS, charges });
  const refund = (notInvited: number) =>
    notInvited > 0
      ? refundRateLimits(executor, {
          windowStart: quota.windowStart,
          charges: sharedCharges(teamId, inviterId, notInvited),
        })
      : Promise.resolve();
  if (quota.refused.length === 0) return { ok: true as const, refund };

  const refusedKeys = new Set(quota.refused.map((refusal) => refusal.key));
  await refundRateLimits(executor, {
    windowStart: quota.windowStart,
    charges: charges.filter((charge) => !refusedKeys.has(charge.key)),
  });
  const refusal = quota.refused[0]!;
  const left = refusal.remaining ? `, ${refusal.remaining} left` : "";
  return fail(
    "RATE_LIMITED",
    `Too many invitations this hour (limit ${refusal.limit}${left}). Try again in ${minutesUntil(quota.resetSeconds)} minutes.`,
    {
      retryAfterSeconds: quota.resetSeconds,
    },
  );
}

/**
 * Each recipient's hourly quota (shared by every team), charged inside the invite's transaction
 * for the invitations it inserted, as its last statement: only invites of the same address
 * contend for these rows, and a refusal rolls the whole invite back.
 */
export async function chargeRecipientQuotas(tx: SqlTx, recipients: string[]) {
  const charges = recipients.map((canonical) => ({
    key: recipientRateLimitKey(canonical),
    limit: env.INVITES_PER_RECIPIENT_PER_HOUR,
    cost: 1,
  }));
  const quota = await consumeRateLimits(tx, { windowSeconds: WINDOW_SECONDS, charges });
  if (quota.refused.length === 0) return;
  const [first, ...others] = quota.refused.map((refusal) => recipientFromRateLimitKey(refusal.key));
  abortTransaction(
    fail(
      "RATE_LIMITED",
      `${first}${others.length ? ` and ${others.length} more` : ""} already received ${env.INVITES_PER_RECIPIENT_PER_HOUR} invitations this hour. Remove ${others.length ? "them" : "it"} or try again in ${minutesUntil(quota.resetSeconds)} minutes.`,
      { retryAfterSeconds: quota.resetSeconds },
    ),
  );
}
