import "server-only";
import { env } from "@/lib/env";
import type { Db } from "@/lib/db";
import { abortTransaction } from "@/lib/db/transaction-abort";
import { chargeRateLimitsSql } from "@/lib/rate-limit/consume-rate-limit";
import { Prisma } from "@/lib/generated/prisma/client";
import { createLeasedRateLimiter } from "@/lib/rate-limit/create-leased-rate-limiter";
import { RECIPIENT_KEY_PREFIX, recipientFromRateLimitKey } from "@/lib/rate-limit/recipient-rate-limit-key";
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
 * Each recipient's hourly quota (shared by every team), charged by the statement that inserts the
 * invitations, for the rows it inserted (`inserted`: a CTE with "emailCanonical"): CTEs for its
 * `WITH` list and a column to select, `recipientRefusals`. Only invites of the same address
 * contend for these rows; refuseRecipients then aborts the transaction on a refusal, rolling
 * the whole invite back.
 */
export function chargeRecipientQuotasSql(inserted: Prisma.Sql) {
  const source = Prisma.sql`
      SELECT ${RECIPIENT_KEY_PREFIX} || i."emailCanonical" AS "key", ${env.INVITES_PER_RECIPIENT_PER_HOUR}::int AS "limit", 1 AS "cost"
      FROM ${inserted} i`;
  return {
    ctes: chargeRateLimitsSql(source, WINDOW_SECONDS),
    refusals: Prisma.sql`(SELECT json_build_object('keys', coalesce(json_agg(r."key" ORDER BY r."key" COLLATE "C") FILTER (WHERE NOT r.charged), '[]'), 'reset', min(r.reset)) FROM rl_report r) AS "recipientRefusals"`,
  };
}

export type RecipientRefusals = { keys: string[]; reset: number | null };

/** Aborts the invite's transaction when chargeRecipientQuotasSql refused any recipient. */
export function refuseRecipients(refusals: RecipientRefusals | undefined) {
  if (!refusals || refusals.keys.length === 0) return;
  const resetSeconds = Math.max(1, refusals.reset ?? WINDOW_SECONDS);
  const [first, ...others] = refusals.keys.map((key) => recipientFromRateLimitKey(key));
  abortTransaction(
    fail(
      "RATE_LIMITED",
      `${first}${others.length ? ` and ${others.length} more` : ""} already received ${env.INVITES_PER_RECIPIENT_PER_HOUR} invitations this hour. Remove ${others.length ? "them" : "it"} or try again in ${minutesUntil(resetSeconds)} minutes.`,
      { retryAfterSeconds: resetSeconds },
    ),
  );
}
