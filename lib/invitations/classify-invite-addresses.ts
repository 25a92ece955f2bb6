import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { isDomainAllowed, parseEmail } from "@/lib/email/parse-email";
import type { InviteOutcome } from "./summarize-invite-results";

/** The state of an address's latest invitation that a new invitation follows. */
export type PreviousInvitationState = "EXPIRED" | "WITHDRAWN" | "DECLINED";

export type ClassifiedAddress = {
  input: string;
  /** The canonical address, once it parsed. */
  email?: string;
  /** The address as typed (normalised), for sending; only when it parsed. */
  address?: string;
  /** "invited": will be invited (the preview), or was (the result). */
  outcome: InviteOutcome;
  reason?: string;
  /** already_invited: the pending invitation. */
  invitationId?: string;
  /** invited: the address's latest invitation, when it ended without them joining. An expired one is closed by the new invite. */
  previous?: { id: string; state: PreviousInvitationState };
};

const PREVIOUS_REASONS: Record<PreviousInvitationState, string> = {
  EXPIRED: "Previous invitation expired",
  WITHDRAWN: "Previous invitation withdrawn",
  DECLINED: "Previous invitation declined",
};

/**
 * What inviting each address does, in one vocabulary for the invite dialog's preview and for
 * the invite itself (and the API's per-address outcomes): invalid, listed twice, domain not
 * allowed, already a member, already invited (a pending, unexpired invitation), or invited —
 * noting a previous invitation that expired, was withdrawn or was declined. An expired one still
 * holds the address's pending slot; inviting replaces it with a fresh invitation. One round trip
 * reads the members and each address's latest invitation, expiry judged by the database clock.
 * The invitations are found by address first (`OFFSET 0` keeps the planner from merging the
 * team in): while a growing team's statistics still count it at one row, the planner took any
 * `teamId` index and filtered the team's every invitation (0.8 ms at 1,000, bench/analysis.md).
 */
export async function classifyInviteAddresses(
  db: Pick<Db, "$queryRaw">,
  team: { id: string; allowedDomains: string[] },
  inputs: string[],
): Promise<ClassifiedAddress[]> {
  const results = parseInviteAddresses(team, inputs);
  const candidates = inviteCandidates(results);
  if (candidates.length === 0) return results;
  const [known] = await db.$queryRaw<KnownAddresses[]>`SELECT ${knownAddressesSql(team.id, candidates)}`;
  return applyKnownAddresses(results, known!);
}

/** Each input parsed, with what needs no database: invalid, listed twice, domain not allowed. */
export function parseInviteAddresses(team: { allowedDomains: string[] }, inputs: string[]): ClassifiedAddress[] {
  const results: ClassifiedAddress[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const email = parseEmail(input);
    if (!email.ok) results.push({ input, outcome: "invalid", reason: email.reason });
    else if (seen.has(email.canonical))
      results.push({ input, email: email.canonical, outcome: "duplicate", reason: "Listed more than once" });
    else {
      seen.add(email.canonical);
      results.push(
        isDomainAllowed(email.domain, team.allowedDomains)
          ? { input, email: email.canonical, address: email.address, outcome: "invited" }
          : {
              input,
              email: email.canonical,
              outcome: "domain_not_allowed",
              reason: `${email.domain} is not one of this team's allowed domains`,
            },
      );
    }
  }
  return results;
}

/** The canonical addresses the database still has to judge. */
export function inviteCandidates(results: ClassifiedAddress[]) {
  return results.filter((entry) => entry.outcome === "invited").map((entry) => entry.email!);
}

export type KnownAddresses = {
  members: string[];
  latest: Array<{ email: string; id: string; status: string; expired: boolean }>;
};

/**
 * Two columns, `members` and `latest`, for a SELECT list: the candidates who are members, and each
 * candidate's latest invitation in the team (the invite reads them in the statement it sends anyway).
 */
export function knownAddressesSql(teamId: string, candidates: string[]) {
  // One address (most invites) is compared with `=`: PostgreSQL then settles on one generic plan for
  // the statement. Against an array of unknown length it plans every execution (0.5 ms per create).
  const among = (column: Prisma.Sql) =>
    candidates.length === 1
      ? Prisma.sql`${column} = ${candidates[0]}`
      : Prisma.sql`${column} = ANY(${candidates}::text[])`;
  return Prisma.sql`
    ARRAY(SELECT u."emailCanonical" FROM "User" u JOIN "Membership" m ON m."userId" = u."id" AND m."teamId" = ${teamId}::uuid
          WHERE ${among(Prisma.raw(`u."emailCanonical"`))}) AS members,
    (SELECT coalesce(json_agg(json_build_object('email', l."emailCanonical", 'id', l."id", 'status', l."status", 'expired', l."expiresAt" <= now())), '[]')
       FROM (SELECT DISTINCT ON (i."emailCanonical") i."emailCanonical", i."id", i."status", i."expiresAt"
             FROM (SELECT * FROM "Invitation" WHERE ${among(Prisma.raw(`"emailCanonical"`))} OFFSET 0) i
             WHERE i."teamId" = ${teamId}::uuid
             ORDER BY i."emailCanonical", (i."status" = 'PENDING') DESC, i."createdAt" DESC, i."id" DESC) l) AS latest`;
}

/** The parsed inputs judged against what the database knows (knownAddressesSql's columns). */
export function applyKnownAddresses(results: ClassifiedAddress[], known: KnownAddresses): ClassifiedAddress[] {
  const members = new Set(known.members);
  const latest = new Map(known.latest.map((row) => [row.email, row]));
  for (const entry of results) {
    if (entry.outcome !== "invited") continue;
    const previous = latest.get(entry.email!);
    const state = !previous
      ? null
      : previous.status === "PENDING"
        ? previous.expired
          ? "EXPIRED"
          : "PENDING"
        : previous.status;
    if (members.has(entry.email!))
      Object.assign(entry, { outcome: "already_member", reason: "Already a member", address: undefined });
    else if (state === "PENDING") {
      Object.assign(entry, {
        outcome: "already_invited",
        reason: "Already invited: resend the pending invitation instead",
        invitationId: previous!.id,
        address: undefined,
      });
    } else if (state === "EXPIRED" || state === "WITHDRAWN" || state === "DECLINED") {
      Object.assign(entry, { previous: { id: previous!.id, state }, reason: PREVIOUS_REASONS[state] });
    }
  }
  return results;
}
