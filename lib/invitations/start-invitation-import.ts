import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { runTransaction } from "@/lib/db/run-transaction";
import { signalOutbox } from "@/lib/email/outbox-signal";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { fail } from "@/lib/result";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { zodFailure } from "@/lib/validation/zod-failure";
import { parseInvitationCsv } from "./parse-invitation-csv";
import { resolveImportRows } from "./resolve-import-rows";
import { invitationImportSchema } from "./schemas";

/** Starting imports is cheap for the caller and costly for the team: a few an hour per member and team. */
export const IMPORTS_PER_HOUR = 10;

/**
 * Stores a CSV import for the email sender's loop to carry out (process-invitation-imports.ts):
 * the job and every row, in one transaction. Rows that can be judged now (a bad address, an
 * unknown role or group, a role above the importer's, listed twice) are stored with that outcome;
 * the others wait for the loop, which invites them through the invite dialog's own function. The
 * request returns at once, however long the file.
 */
export async function startInvitationImport(actor: Actor | null, team: TeamRef, input: unknown) {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  const parsed = invitationImportSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  const file = parseInvitationCsv(parsed.data.csv);
  if (!file.ok) return fail("INVALID", file.error, { fieldErrors: { csv: [file.error] } });
  const rows = await resolveImportRows(db, access, file.rows, parsed.data);

  const quota = await consumeRateLimit(db, {
    key: `invitation-imports:${access.team.id}:${access.membership.userId}`,
    limit: IMPORTS_PER_HOUR,
    windowSeconds: 3600,
  });
  if (!quota.allowed)
    return fail(
      "RATE_LIMITED",
      `You started ${IMPORTS_PER_HOUR} imports in this team this hour. Try again in ${Math.ceil(quota.resetSeconds / 60)} minutes.`,
      { retryAfterSeconds: quota.resetSeconds },
    );

  const settled = rows.filter(
    (row) => row.outcome !== "invited" && row.outcome !== "already_member" && row.outcome !== "already_invited",
  );
  const created = await runTransaction(async (tx) => {
    const job = await tx.invitationImport.create({
      data: {
        teamId: access.team.id,
        createdById: access.membership.userId,
        fileName: parsed.data.fileName,
        message: parsed.data.message ?? null,
        total: rows.length,
        processed: settled.length,
        skipped: settled.length,
        status: settled.length === rows.length ? "DONE" : "PENDING",
        finishedAt: settled.length === rows.length ? new Date() : null,
      },
      select: { id: true },
    });
    await tx.invitationImportRow.createMany({
      data: rows.map((row) => {
        // Members and pending invitations can change before the row's turn: the invite judges those again.
        const final = settled.includes(row);
        return {
          importId: job.id,
          line: row.row,
          email: row.email,
          role: row.role?.id ?? "",
          groups: row.groups.map((group) => group.id),
          language: row.language,
          outcome: final ? row.outcome : null,
          reason: final ? (row.reason ?? null) : null,
        };
      }),
    });
    await recordAuditEvents(tx, [
      {
        teamId: access.team.id,
        actorId: access.membership.userId,
        action: "invitation.import_started",
        targetType: "invitation_import",
        targetId: job.id,
        metadata: { fileName: parsed.data.fileName, rows: rows.length, via: actor!.kind },
      },
    ]);
    return job;
  });
  if ("ok" in created) return created;
  signalOutbox();
  return { ok: true as const, importId: created.id, total: rows.length };
}
