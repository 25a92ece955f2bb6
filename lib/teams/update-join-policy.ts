import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { runTransaction } from "@/lib/db/run-transaction";
import { abortTransaction } from "@/lib/db/transaction-abort";
import { joinPolicySchema } from "@/lib/join-requests/join-request-rules";
import { fail } from "@/lib/result";
import { zodFailure } from "@/lib/validation/zod-failure";
import { authorizeTeam, type TeamRef } from "./authorize-team";

/** team.settings (the Domains page): who on the allowed domains may join — nobody, by request, or at once. */
export async function updateJoinPolicy(actor: Actor | null, team: TeamRef, input: unknown) {
  const access = await authorizeTeam(db, actor, team, "team.settings");
  if (!access.ok) return access;
  const parsed = joinPolicySchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  const to = parsed.data.joinPolicy;
  return runTransaction(async (tx) => {
    // The previous value under the row's lock, so the audit row's "from" is the one replaced.
    const rows = await tx.$queryRaw<Array<{ joinPolicy: string }>>`
      SELECT "joinPolicy"::text AS "joinPolicy" FROM "Team" WHERE "id" = ${access.team.id}::uuid FOR NO KEY UPDATE`;
    const from = rows[0]?.joinPolicy;
    if (!from) abortTransaction(fail("NOT_FOUND", "Team not found."));
    if (from === to) return { ok: true as const, joinPolicy: to, changed: false };
    await tx.team.update({ where: { id: access.team.id }, data: { joinPolicy: to } });
    await tx.auditEvent.create({
      data: {
        teamId: access.team.id,
        actorId: access.membership.userId,
        action: "team.join_policy_changed",
        targetType: "team",
        targetId: access.team.id,
        metadata: { from, to },
      },
    });
    return { ok: true as const, joinPolicy: to, changed: true };
  });
}
