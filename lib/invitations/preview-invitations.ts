import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { isDomainAllowed, parseEmail, splitEmailList } from "@/lib/email/parse-email";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { zodFailure } from "@/lib/validation/zod-failure";
import { MAX_ADDRESSES_PER_REQUEST } from "./schemas";

export type PreviewStatus = "valid" | "invalid" | "duplicate" | "member" | "invited" | "domain";
export type PreviewEntry = { input: string; email?: string; status: PreviewStatus; reason?: string };

const previewSchema = z.string().max(100_000);

/** What would happen to each address, before sending: the invite dialog's live preview. */
export async function previewInvitations(actor: Actor | null, team: TeamRef, text: string) {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  const parsed = previewSchema.safeParse(text);
  if (!parsed.success) return zodFailure(parsed.error);
  const entries = splitEmailList(parsed.data).slice(0, MAX_ADDRESSES_PER_REQUEST + 1);

  const preview: PreviewEntry[] = [];
  const seen = new Set<string>();
  for (const input of entries) {
    const email = parseEmail(input);
    if (!email.ok) preview.push({ input, status: "invalid", reason: email.reason });
    else if (seen.has(email.canonical)) preview.push({ input, email: email.canonical, status: "duplicate", reason: "Listed more than once" });
    else if (!isDomainAllowed(email.domain, access.team.allowedDomains)) {
      seen.add(email.canonical);
      preview.push({ input, email: email.canonical, status: "domain", reason: `${email.domain} is not an allowed domain` });
    } else {
      seen.add(email.canonical);
      preview.push({ input, email: email.canonical, status: "valid" });
    }
  }
  const candidates = preview.filter((p) => p.status === "valid").map((p) => p.email!);
  if (candidates.length > 0) {
    const [members, pending] = await Promise.all([
      db.membership.findMany({ where: { teamId: access.team.id, user: { emailCanonical: { in: candidates } } }, select: { user: { select: { emailCanonical: true } } } }),
      db.invitation.findMany({ where: { teamId: access.team.id, pendingKey: { in: candidates } }, select: { emailCanonical: true } }),
    ]);
    const memberSet = new Set(members.map((m) => m.user.emailCanonical));
    const pendingSet = new Set(pending.map((p) => p.emailCanonical));
    for (const entry of preview) {
      if (entry.status !== "valid") continue;
      if (memberSet.has(entry.email!)) Object.assign(entry, { status: "member", reason: "Already a member" });
      else if (pendingSet.has(entry.email!)) Object.assign(entry, { status: "invited", reason: "Already invited" });
    }
  }
  return { ok: true as const, entries: preview, tooMany: entries.length > MAX_ADDRESSES_PER_REQUEST };
}
