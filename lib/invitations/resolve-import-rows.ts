import "server-only";
import type { Db } from "@/lib/db";
import { canGrantRole } from "@/lib/permissions/can";
import type { TeamAccess } from "@/lib/teams/authorize-team";
import { classifyInviteAddresses } from "./classify-invite-addresses";
import type { InvitationCsvRow } from "./parse-invitation-csv";
import type { InviteOutcome } from "./summarize-invite-results";

/** An import row's outcome: the invite's own, or what stops the row before it (a role above yours, a full team). */
export type ImportRowOutcome = InviteOutcome | "not_permitted" | "seat_limit";

export type ResolvedImportRow = {
  row: number;
  email: string;
  role: { id: string; name: string } | null;
  groups: Array<{ id: string; name: string }>;
  language: string;
  /** "invited": will be invited as far as can be told now; the rest are skipped. */
  outcome: ImportRowOutcome;
  reason?: string;
};

type Named = { id: string; name: string; key?: string | null };

function findByReference<T extends Named>(items: T[], reference: string): T | undefined {
  const wanted = reference.toLowerCase();
  return (
    items.find((item) => item.id === wanted) ??
    items.find((item) => item.key?.toLowerCase() === wanted) ??
    items.find((item) => item.name.toLowerCase() === wanted)
  );
}

/**
 * What each CSV row would do, by the invite dialog's rules: its role (by id, key or name; the
 * form's default when empty) must exist and be one the importer may grant, its groups must exist,
 * and its address goes through the dialog's classifier (invalid, listed twice, domain, member,
 * already invited). The preview shows this; starting an import stores it, and every row not
 * skipped here is invited later through the same invite function, which checks it all again.
 */
export async function resolveImportRows(
  db: Pick<Db, "$queryRaw" | "role" | "group">,
  access: TeamAccess,
  rows: InvitationCsvRow[],
  defaults: { roleId: string; language: string },
): Promise<ResolvedImportRow[]> {
  const [roles, groups, classified] = await Promise.all([
    db.role.findMany({ where: { teamId: access.team.id }, select: { id: true, key: true, name: true, rank: true } }),
    db.group.findMany({ where: { teamId: access.team.id }, select: { id: true, name: true } }),
    classifyInviteAddresses(
      db,
      access.team,
      rows.map((row) => row.email),
    ),
  ]);
  return rows.map((row, index) => {
    const role = findByReference(roles, row.role ?? defaults.roleId);
    const resolved: ResolvedImportRow = {
      row: row.row,
      // As typed: the invite normalises it again and sends to it, like an address typed in the dialog.
      email: row.email,
      role: role ? { id: role.id, name: role.name } : null,
      groups: [],
      language: row.language ?? defaults.language,
      outcome: classified[index]!.outcome,
      ...(classified[index]!.reason ? { reason: classified[index]!.reason } : {}),
    };
    const skip = (outcome: ImportRowOutcome, reason: string) => Object.assign(resolved, { outcome, reason });
    const missingGroup = row.groups.find((reference) => !findByReference(groups, reference));
    if (row.problem) skip("invalid", row.problem);
    else if (!role) skip("invalid", row.role ? `Unknown role: ${row.role}` : "Choose a default role");
    else if (!canGrantRole(access.role, role)) skip("not_permitted", `You can't invite people as ${role.name}`);
    else if (missingGroup !== undefined) skip("invalid", `Unknown group: ${missingGroup}`);
    else resolved.groups = row.groups.map((reference) => findByReference(groups, reference)!);
    return resolved;
  });
}
