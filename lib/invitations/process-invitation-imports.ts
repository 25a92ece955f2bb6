import "server-only";
import { db } from "@/lib/db";
import type { Failure } from "@/lib/result";
import type { InvitationLanguage } from "./languages";
import { inviteMembersByReference } from "./invite-members-by-reference";
import type { ImportRowOutcome } from "./resolve-import-rows";

/** Rows per invite call: the size of one invite dialog send, well under its 500. */
export const IMPORT_CHUNK_ROWS = 100;
/** Chunks per claim, so one import never holds the email sender's loop for long. */
const CHUNKS_PER_RUN = 5;
const LEASE_SECONDS = 120;
/** A busy database (UNAVAILABLE): the next try, in seconds. */
const BUSY_RETRY_SECONDS = 5;

type Job = { id: string; teamId: string; createdById: string | null; message: string | null };
type PendingRow = { line: number; email: string; role: string; groups: string[]; language: string };
type RowResult = { line: number; outcome: ImportRowOutcome; reason: string | null; invitationId: string | null };

/**
 * Carries out stored CSV imports, a chunk of rows at a time, from each process's email sender
 * loop. An import is claimed under a lease (SKIP LOCKED, like the outbox), so processes share the
 * work without doing a chunk twice; a row's outcome is written only while it has none, so a chunk
 * replayed after a crash changes no count. Each chunk goes through `inviteMembersByReference` as
 * the importer: their permission, the role rule, seats, allowed domains and every invite quota are
 * checked as for the dialog. A quota reached pauses the import until its window resets; the
 * importer losing the right to invite ends it. Returns whether there may be more to do now.
 */
export async function processInvitationImports({
  chunks = CHUNKS_PER_RUN,
  signal,
}: { chunks?: number; signal?: AbortSignal } = {}): Promise<{ more: boolean }> {
  const [job] = await db.$queryRaw<Job[]>`
    UPDATE "InvitationImport" SET "status" = 'RUNNING', "lockedUntil" = now() + make_interval(secs => ${LEASE_SECONDS}::int)
    WHERE "id" = (
      SELECT "id" FROM "InvitationImport"
      WHERE "status" IN ('PENDING', 'RUNNING') AND "nextRunAt" <= now() AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
      ORDER BY "nextRunAt", "createdAt" LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING "id"::text AS "id", "teamId"::text AS "teamId", "createdById"::text AS "createdById", "message"`;
  if (!job) return { more: false };
  try {
    for (let chunk = 0; chunk < chunks; chunk += 1) {
      if (signal?.aborted) break;
      if ((await processChunk(job)) !== "continue") break;
    }
  } finally {
    await db.$executeRaw`UPDATE "InvitationImport" SET "lockedUntil" = NULL WHERE "id" = ${job.id}::uuid`;
  }
  return { more: true };
}

async function processChunk(job: Job): Promise<"continue" | "waiting" | "finished"> {
  const rows = await db.$queryRaw<PendingRow[]>`
    SELECT "line", "email", "role", "groups", "language" FROM "InvitationImportRow"
    WHERE "importId" = ${job.id}::uuid AND "outcome" IS NULL
    ORDER BY "line" LIMIT ${IMPORT_CHUNK_ROWS}::int`;
  if (rows.length === 0) {
    await db.$executeRaw`
      UPDATE "InvitationImport" SET "status" = 'DONE', "finishedAt" = now()
      WHERE "id" = ${job.id}::uuid AND "status" = 'RUNNING'`;
    return "finished";
  }
  if (!job.createdById) return stopImport(job, "The member who started this import no longer has an account.");

  // One invite per combination of role, groups and language, as the dialog sends them.
  const sets = new Map<string, PendingRow[]>();
  for (const row of rows) {
    const key = JSON.stringify([row.role, [...row.groups].sort(), row.language]);
    sets.set(key, [...(sets.get(key) ?? []), row]);
  }
  const results: RowResult[] = [];
  let next: "continue" | "waiting" = "continue";
  for (const members of sets.values()) {
    const first = members[0]!;
    const invited = await inviteMembersByReference(
      { kind: "user", userId: job.createdById },
      { teamId: job.teamId },
      {
        emails: members.map((row) => row.email),
        role: first.role,
        groups: first.groups,
        language: first.language as InvitationLanguage,
        message: job.message ?? undefined,
      },
    );
    if (invited.ok) {
      // The invite answers each address in the order it was given.
      invited.results.forEach((result, index) =>
        results.push({
          line: members[index]!.line,
          outcome: result.outcome,
          reason: result.reason ?? null,
          invitationId: result.invitationId ?? null,
        }),
      );
      continue;
    }
    // A full team refuses a whole send: row by row, the free seats still go to the first rows (a Map's
    // iteration visits the entries added during it).
    if (invited.code === "LIMIT_REACHED" && members.length > 1) {
      for (const row of members) sets.set(`${row.line}`, [row]);
      continue;
    }
    const skipped = skipAll(invited);
    if (skipped === "wait") {
      await db.$executeRaw`
        UPDATE "InvitationImport"
        SET "nextRunAt" = now() + make_interval(secs => ${invited.retryAfterSeconds ?? BUSY_RETRY_SECONDS}::int),
            "error" = ${invited.code === "RATE_LIMITED" ? invited.error : null}
        WHERE "id" = ${job.id}::uuid`;
      next = "waiting";
      break;
    }
    if (skipped === "stop") {
      await recordResults(job.id, results);
      return stopImport(job, invited.error);
    }
    for (const row of members)
      results.push({ line: row.line, outcome: skipped, reason: invited.error, invitationId: null });
  }
  await recordResults(job.id, results);
  if (next === "continue")
    await db.$executeRaw`UPDATE "InvitationImport" SET "error" = NULL WHERE "id" = ${job.id}::uuid AND "error" IS NOT NULL`;
  return next;
}

/** A refused invite: its rows are skipped (seats, an unknown or forbidden role), the import waits (a quota, a busy database), or it stops (no longer allowed to invite). */
function skipAll(failure: Failure): ImportRowOutcome | "wait" | "stop" {
  if (failure.code === "RATE_LIMITED" || failure.code === "UNAVAILABLE") return "wait";
  if (failure.code === "LIMIT_REACHED") return "seat_limit";
  if (failure.code === "INVALID") return "invalid";
  // The role rule names the field; losing members.manage or the membership does not.
  if (failure.code === "FORBIDDEN" && failure.fieldErrors) return "not_permitted";
  return "stop";
}

/** Each row's outcome once, with the import's counts in the same statement; a row already settled stays as it was. */
async function recordResults(importId: string, results: RowResult[]) {
  if (results.length === 0) return;
  await db.$executeRaw`
    WITH settled AS (
      UPDATE "InvitationImportRow" r
      SET "outcome" = s."outcome", "reason" = s."reason", "invitationId" = s."invitationId"::uuid
      FROM unnest(${results.map((r) => r.line)}::int[], ${results.map((r) => r.outcome)}::text[],
                  ${results.map((r) => r.reason)}::text[], ${results.map((r) => r.invitationId)}::text[])
        AS s("line", "outcome", "reason", "invitationId")
      WHERE r."importId" = ${importId}::uuid AND r."line" = s."line" AND r."outcome" IS NULL
      RETURNING r."outcome"
    )
    UPDATE "InvitationImport" SET
      "processed" = "processed" + (SELECT count(*) FROM settled)::int,
      "invited" = "invited" + (SELECT count(*) FROM settled WHERE "outcome" = 'invited')::int,
      "skipped" = "skipped" + (SELECT count(*) FROM settled WHERE "outcome" <> 'invited')::int,
      "lockedUntil" = now() + make_interval(secs => ${LEASE_SECONDS}::int)
    WHERE "id" = ${importId}::uuid`;
}

/** The importer can no longer invite here: the rows left are skipped with that reason, and the import ends. */
async function stopImport(job: Job, reason: string): Promise<"finished"> {
  await db.$executeRaw`
    WITH settled AS (
      UPDATE "InvitationImportRow" SET "outcome" = 'not_permitted', "reason" = ${reason}
      WHERE "importId" = ${job.id}::uuid AND "outcome" IS NULL
      RETURNING 1
    )
    UPDATE "InvitationImport" SET "status" = 'FAILED', "finishedAt" = now(), "error" = ${reason},
      "processed" = "processed" + (SELECT count(*) FROM settled)::int,
      "skipped" = "skipped" + (SELECT count(*) FROM settled)::int
    WHERE "id" = ${job.id}::uuid`;
  return "finished";
}
