import "server-only";
import type { AuditAction } from "@/lib/audit/audit-actions";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { runTransaction } from "@/lib/db/run-transaction";
import { abortTransaction } from "@/lib/db/transaction-abort";
import { fail } from "@/lib/result";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import type { TeamRef } from "@/lib/teams/authorize-team";
import { isUuid } from "@/lib/validation/uuid";
import { zodFailure } from "@/lib/validation/zod-failure";
import { addJoinedMember } from "./add-joined-member";
import {
  ASKS_PER_USER_PER_HOUR,
  askToJoinSchema,
  isJoinableDomain,
  JOIN_REQUEST_WINDOW_SECONDS,
  type JoinPolicy,
} from "./join-request-rules";

const ASKED: AuditAction = "join_request.asked";

type Candidate = {
  email: string;
  emailCanonical: string;
  emailVerifiedAt: Date | null;
  teamId: string | null;
  teamName: string | null;
  teamSlug: string | null;
  allowedDomains: string[] | null;
  joinPolicy: JoinPolicy | null;
  seatLimit: number | null;
  member: boolean;
};

const NOT_FOUND = fail("NOT_FOUND", "Team not found.");

/**
 * "Ask to join" / "Join" from "Teams you can join". Only a verified address proves the domain, so
 * an unverified one is refused first; a team that is not open to this address (policy off, domain
 * not listed, no such team) answers NOT_FOUND, so probing reveals nothing. AUTO_JOIN adds the
 * member at once under the seat lock; REQUEST queues the ask for an admin.
 */
export async function askToJoin(actor: Actor | null, team: TeamRef, input: unknown = {}) {
  if (!actor) return fail("UNAUTHENTICATED", "Sign in to continue.");
  const parsed = askToJoinSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  if ("teamId" in team && !isUuid(team.teamId)) return NOT_FOUND;
  const [candidate] = await db.$queryRaw<Candidate[]>`
    SELECT u."email", u."emailCanonical", u."emailVerifiedAt",
      t."id"::text AS "teamId", t."name" AS "teamName", t."slug" AS "teamSlug", t."allowedDomains",
      t."joinPolicy"::text AS "joinPolicy", t."seatLimit",
      EXISTS (SELECT 1 FROM "Membership" m WHERE m."teamId" = t."id" AND m."userId" = u."id") AS "member"
    FROM "User" u
    LEFT JOIN "Team" t ON ${"teamId" in team ? team.teamId : null}::uuid IS NOT NULL AND t."id" = ${"teamId" in team ? team.teamId : null}::uuid
      OR ${"slug" in team ? team.slug : null}::text IS NOT NULL AND t."slug" = ${"slug" in team ? team.slug : null}::text
    WHERE u."id" = ${actor.userId}::uuid`;
  if (!candidate) return fail("UNAUTHENTICATED", "Sign in to continue.");
  if (!candidate.emailVerifiedAt)
    return fail(
      "FORBIDDEN",
      "Verify your email address first: only a verified address shows which teams you may join.",
    );
  const domain = candidate.emailCanonical.split("@").pop() ?? "";
  if (!candidate.teamId || !isJoinableDomain(domain, candidate.allowedDomains ?? [], candidate.joinPolicy ?? "OFF"))
    return NOT_FOUND;
  const teamRow = {
    id: candidate.teamId,
    name: candidate.teamName!,
    slug: candidate.teamSlug!,
    seatLimit: candidate.seatLimit,
  };
  if (candidate.member) return fail("CONFLICT", `You are already a member of ${teamRow.name}.`);

  return runTransaction(async (tx) => {
    let outcome: { ok: true; outcome: "joined" | "requested"; team: { name: string; slug: string } };
    if (candidate.joinPolicy === "AUTO_JOIN") {
      await addJoinedMember(tx, teamRow, actor.userId, { actorId: actor.userId, via: "auto_join" });
      outcome = { ok: true, outcome: "joined", team: { name: teamRow.name, slug: teamRow.slug } };
    } else {
      const rows = await tx.$queryRaw<Array<{ id: string }>>`
        INSERT INTO "JoinRequest" ("id", "teamId", "kind", "email", "emailCanonical", "pendingKey", "note", "requesterId")
        VALUES (gen_random_uuid(), ${teamRow.id}::uuid, 'ASK', ${candidate.email}, ${candidate.emailCanonical},
          ${candidate.emailCanonical}, ${parsed.data.note}, ${actor.userId}::uuid)
        ON CONFLICT ("teamId", "pendingKey") DO NOTHING
        RETURNING "id"::text AS "id"`;
      const id = rows[0]?.id;
      if (!id)
        abortTransaction(
          fail("CONFLICT", `A request to add you to ${teamRow.name} is already waiting for an admin's answer.`),
        );
      await tx.auditEvent.create({
        data: {
          teamId: teamRow.id,
          actorId: actor.userId,
          action: ASKED,
          targetType: "join_request",
          targetId: id,
          metadata: { email: candidate.email },
        },
      });
      outcome = { ok: true, outcome: "requested", team: { name: teamRow.name, slug: teamRow.slug } };
    }
    const quota = await consumeRateLimit(tx, {
      key: `join-request:ask:${actor.userId}`,
      limit: ASKS_PER_USER_PER_HOUR,
      windowSeconds: JOIN_REQUEST_WINDOW_SECONDS,
    });
    if (!quota.allowed)
      abortTransaction(
        fail("RATE_LIMITED", `You asked to join ${ASKS_PER_USER_PER_HOUR} times this hour. Try again later.`, {
          retryAfterSeconds: quota.resetSeconds,
        }),
      );
    return outcome;
  });
}
