import "server-only";
import { env } from "@/lib/env";
import type { Db } from "@/lib/db";
import type { SqlTx } from "@/lib/db/run-transaction";
import { abortTransaction } from "@/lib/db/transaction-abort";
import { consumeRateLimits } from "@/lib/rate-limit/consume-rate-limit";
import { createLeasedRateLimiter } from "@/lib/rate-limit/create-leased-rate-limiter";
import { recipientFromRateLimitKey, recipientRateLimitKey } from "@/lib/rate-limit/recipient-rate-limit-key";
import { fail } from "@/lib/result";

type Executor = Pick<Db, "$queryRaw">;

const WINDOW_SECONDS = 3600;

type Limiter = ReturnType<typeof createLeasedRateLimiter>;
let limiters: { team: Limiter; inviter: Limiter } | undefined;

const minutesUntil = (seconds: number) => Math.ceil(seconds / 60);

/**
 * The team's and the inviter's hourly quotas, charged for the addresses about to be invited
 * before the invite's transaction, from leases (createLeasedRateLimiter): these two counters are
 * shared by every invite of the team, and charging them in the database on every invite made it
 * the costliest statement of a create, queued behind the other invites of the team. All or
 * nothing (a refusal gives back what was charged); `refund(n)` gives back the units of addresses
 * not invited after all (the transaction failed, or another request invited them first). Racing
 * requests see each other's units, and each server process may hold a lease's few units unused:
 * near its limit a team may be refused a little early, never let past it.
 */
export async function chargeSharedInviteQuotas(executor: Executor, teamId: string, inviterId: string, count: number) {
  limiters ??= {
    team: createLeasedRateLimiter(executor, { limit: env.INVITES_PER_TEAM_PER_HOUR, windowSeconds: WINDOW_SECONDS }),
    inviter: createLeasedRateLimiter(executor, {
      limit: env.INVITES_PER_INVITER_PER_HOUR,
      windowSeconds: WINDOW_SECONDS,
    }),
  };
  const team = await limiters.team(`invite:team:${teamId}`, count);
  const inviter = team.allowed ? await limiters.inviter(`invite:inviter:${inviterId}`, count) : null;
  if (team.allowed && inviter?.allowed) {
    const refund = async (notInvited: number) => {
      await Promise.all([team.giveBack(notInvited), inviter.giveBack(notInvited)]);
    };
    return { ok: true as const, refund };
  }
  await team.giveBack(count);
  const refusal = inviter ?? team;
  const left = refusal.remaining ? `, ${refusal.remaining} left` : "";
  return fail(
    "RATE_LIMITED",
    `Too many invitations this hour (limit ${refusal.limit}${left}). Try again in ${minutesUntil(refusal.resetSeconds)} minutes.`,
    { retryAfterSeconds: refusal.resetSeconds },
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
