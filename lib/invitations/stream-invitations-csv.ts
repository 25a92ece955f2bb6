import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { formatCsvRow } from "@/lib/csv/format-csv";
import { db } from "@/lib/db";
import { readDatabaseNow } from "@/lib/db/database-now";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { storableInput } from "@/lib/validation/storable-input";
import { zodFailure } from "@/lib/validation/zod-failure";
import { buildInvitationAfter, buildInvitationOrderBy, buildInvitationWhere } from "./invitation-filters";
import { readInvitationDtos, type InvitationDtoRow } from "./read-invitation-dtos";
import { invitationListQuerySchema } from "./schemas";

/** Rows per read: memory stays at one page whatever the team's size. */
export const EXPORT_PAGE_ROWS = 500;

/** The first four columns are the import's, so an export can be edited and imported again. */
const HEADER = ["email", "role", "groups", "language", "status", "inviter", "invited_at", "expires_at", "delivery"];

function toRecord(row: InvitationDtoRow) {
  return formatCsvRow([
    row.email,
    row.role.name,
    row.groups.map((group) => group.name).join("; "),
    row.language,
    row.status.toLowerCase(),
    row.inviter?.email ?? "",
    row.createdAt.toISOString(),
    row.expiresAt.toISOString(),
    row.delivery.status.toLowerCase(),
  ]);
}

/**
 * The team's invitations that the table's URL state selects (its filters and its sort; paging is
 * ignored), as CSV streamed one keyset page at a time: each read starts after the last row sent,
 * in the table's own order, so any number of rows costs one page of memory and a deep page costs
 * what the first does. Authorized once, before the first byte; every read is scoped by the team.
 * Cells a spreadsheet would run as formulas are defused (format-csv.ts).
 */
export async function streamInvitationsCsv(actor: Actor | null, team: TeamRef, rawQuery: unknown) {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  const parsed = storableInput(invitationListQuerySchema).safeParse(rawQuery ?? {});
  if (!parsed.success) return zodFailure(parsed.error);
  const query = parsed.data;
  // One clock for the whole file, so a row cannot change from pending to expired between pages.
  const now = await readDatabaseNow(db);
  const where = buildInvitationWhere(access.team.id, query, now);
  const orderBy = buildInvitationOrderBy(query.sort, query.order);
  let last: InvitationDtoRow | null = null;
  const encoder = new TextEncoder();

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      // A byte-order mark: Excel otherwise reads UTF-8 as the system's legacy code page.
      controller.enqueue(encoder.encode(`\uFEFF${formatCsvRow(HEADER)}`));
    },
    async pull(controller) {
      const rows = await readInvitationDtos(
        db,
        {
          where: last ? Prisma.sql`${where} AND ${buildInvitationAfter(query.sort, query.order, last)}` : where,
          orderBy,
          limit: EXPORT_PAGE_ROWS,
        },
        now,
      );
      if (rows.length > 0) controller.enqueue(encoder.encode(rows.map(toRecord).join("")));
      last = rows.at(-1) ?? last;
      if (rows.length < EXPORT_PAGE_ROWS) controller.close();
    },
  });
  const fileName = `${access.team.slug}-invitations-${now.toISOString().slice(0, 10)}.csv`;
  return { ok: true as const, stream, fileName };
}

/** The answer both transports give: the file, as a download, never cached. */
export function csvDownload(file: { stream: ReadableStream<Uint8Array>; fileName: string }) {
  return new Response(file.stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.fileName.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
}
