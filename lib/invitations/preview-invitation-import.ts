import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { fail } from "@/lib/result";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { zodFailure } from "@/lib/validation/zod-failure";
import { parseInvitationCsv } from "./parse-invitation-csv";
import { resolveImportRows } from "./resolve-import-rows";
import { invitationImportSchema } from "./schemas";

/** What importing a CSV would do to each row, before anything is written: the import dialog's preview. */
export async function previewInvitationImport(actor: Actor | null, team: TeamRef, input: unknown) {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  const parsed = invitationImportSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  const file = parseInvitationCsv(parsed.data.csv);
  if (!file.ok) return fail("INVALID", file.error, { fieldErrors: { csv: [file.error] } });
  const rows = await resolveImportRows(db, access, file.rows, parsed.data);
  return { ok: true as const, rows };
}
