import "server-only";
import { z } from "zod";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { runTransaction } from "@/lib/db/run-transaction";
import { parseEmail } from "@/lib/email/parse-email";
import { fail } from "@/lib/result";
import { zodFailure } from "@/lib/validation/zod-failure";
import { authorizeTeam, type TeamRef } from "./authorize-team";

const schema = z.strictObject({ domains: z.string().max(10_000) });

/** Normalises a domain the same way email addresses are parsed (IDN → ASCII, lower-case). */
function parseDomain(input: string): string | null {
  const domain = input.trim().replace(/^@/, "");
  const parsed = parseEmail(`check@${domain}`);
  return parsed.ok ? parsed.domain : null;
}

/** team.settings: which email domains invitations may go to (empty means any). */
export async function updateAllowedDomains(actor: Actor | null, team: TeamRef, input: unknown) {
  const access = await authorizeTeam(db, actor, team, "team.settings");
  if (!access.ok) return access;
  const parsed = schema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  const entries = parsed.data.domains.split(/[\s,;]+/).filter(Boolean);
  const invalid = entries.filter((entry) => !parseDomain(entry));
  if (invalid.length > 0) {
    return fail("INVALID", `Not a valid domain: ${invalid.slice(0, 3).join(", ")}`, {
      fieldErrors: { domains: invalid.map((d) => `${d} is not a valid domain`) },
    });
  }
  const domains = [...new Set(entries.map((entry) => parseDomain(entry)!))].sort();
  if (domains.length > 50)
    return fail("INVALID", "At most 50 domains.", { fieldErrors: { domains: ["At most 50 domains"] } });
  const written = await runTransaction(async (tx) => {
    await tx.team.update({ where: { id: access.team.id }, data: { allowedDomains: domains } });
    await recordAuditEvents(tx, [
      {
        teamId: access.team.id,
        actorId: access.membership.userId,
        action: "team.domains_changed",
        targetType: "team",
        targetId: access.team.id,
        metadata: { from: access.team.allowedDomains, to: domains },
      },
    ]);
    return { ok: true as const };
  });
  if (!written.ok) return written;
  return { ok: true as const, domains };
}
