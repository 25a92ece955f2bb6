import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { fail } from "@/lib/result";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { uuidSchema } from "@/lib/validation/uuid";
import type { ImportRowOutcome } from "./resolve-import-rows";

export const IMPORT_ROWS_PER_PAGE = 100;

const importQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000).catch(1),
  /** "skipped": only the rows that were not invited. */
  show: z.enum(["all", "skipped"]).catch("all"),
});

export type InvitationImportDto = {
  id: string;
  fileName: string;
  status: "PENDING" | "RUNNING" | "DONE" | "FAILED";
  total: number;
  processed: number;
  invited: number;
  skipped: number;
  error: string | null;
  nextRunAt: Date;
  createdAt: Date;
  finishedAt: Date | null;
  createdBy: string | null;
};

export type InvitationImportRowDto = {
  row: number;
  email: string;
  outcome: ImportRowOutcome | null;
  reason: string | null;
};

/** One import of the team's (members.manage) with a page of its rows, in file order. */
export async function readInvitationImport(actor: Actor | null, team: TeamRef, importId: unknown, query: unknown) {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  const id = uuidSchema.safeParse(importId);
  const { page, show } = importQuerySchema.parse(query ?? {});
  const found = id.success
    ? await db.invitationImport.findFirst({
        where: { id: id.data, teamId: access.team.id },
        include: { createdBy: { select: { name: true } } },
      })
    : null;
  if (!found) return fail("NOT_FOUND", "No such import in this team.");
  const where = {
    importId: found.id,
    ...(show === "skipped" ? { outcome: { not: "invited" } } : {}),
  };
  const [rows, count] = await Promise.all([
    db.invitationImportRow.findMany({
      where,
      orderBy: { line: "asc" },
      skip: (page - 1) * IMPORT_ROWS_PER_PAGE,
      take: IMPORT_ROWS_PER_PAGE,
      select: { line: true, email: true, outcome: true, reason: true },
    }),
    db.invitationImportRow.count({ where }),
  ]);
  const job: InvitationImportDto = {
    id: found.id,
    fileName: found.fileName,
    status: found.status,
    total: found.total,
    processed: found.processed,
    invited: found.invited,
    skipped: found.skipped,
    error: found.error,
    nextRunAt: found.nextRunAt,
    createdAt: found.createdAt,
    finishedAt: found.finishedAt,
    createdBy: found.createdBy?.name ?? null,
  };
  return {
    ok: true as const,
    job,
    rows: rows.map((row): InvitationImportRowDto => ({
      row: row.line,
      email: row.email,
      outcome: row.outcome as ImportRowOutcome | null,
      reason: row.reason,
    })),
    page,
    pageCount: Math.max(1, Math.ceil(count / IMPORT_ROWS_PER_PAGE)),
    show,
  };
}
