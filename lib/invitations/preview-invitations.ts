import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { splitEmailList } from "@/lib/email/parse-email";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { zodFailure } from "@/lib/validation/zod-failure";
import { classifyInviteAddresses, type PreviousInvitationState } from "./classify-invite-addresses";
import { MAX_ADDRESSES_PER_REQUEST } from "./schemas";
import type { InviteOutcome } from "./summarize-invite-results";

/** The same outcomes the invite returns ("invited": will be invited), from the same classifier. */
export type PreviewEntry = {
  input: string;
  email?: string;
  status: InviteOutcome;
  reason?: string;
  previous?: PreviousInvitationState;
};

const previewSchema = z.string().max(100_000);

/** What would happen to each address, before sending: the invite dialog's live preview. */
export async function previewInvitations(actor: Actor | null, team: TeamRef, text: unknown) {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  const parsed = previewSchema.safeParse(text);
  if (!parsed.success) return zodFailure(parsed.error);
  const entries = splitEmailList(parsed.data).slice(0, MAX_ADDRESSES_PER_REQUEST + 1);
  const classified = await classifyInviteAddresses(db, access.team, entries);
  const preview: PreviewEntry[] = classified.map((entry) => ({
    input: entry.input,
    ...(entry.email ? { email: entry.email } : {}),
    status: entry.outcome,
    ...(entry.reason ? { reason: entry.reason } : {}),
    ...(entry.previous ? { previous: entry.previous.state } : {}),
  }));
  return { ok: true as const, entries: preview, tooMany: entries.length > MAX_ADDRESSES_PER_REQUEST };
}
