export type InviteOutcome =
  "invited" | "already_member" | "already_invited" | "duplicate" | "invalid" | "domain_not_allowed";

export type InviteAddressResult = {
  input: string;
  email?: string;
  outcome: InviteOutcome;
  reason?: string;
  invitationId?: string;
};

const SKIP_LABELS: Record<Exclude<InviteOutcome, "invited">, string> = {
  already_member: "already a member",
  already_invited: "already invited",
  duplicate: "listed twice",
  invalid: "not a valid address",
  domain_not_allowed: "domain not allowed",
};

/** "3 invitations sent, 1 skipped: already a member" — counts plus the per-address list. */
export function summarizeInviteResults(results: InviteAddressResult[]) {
  const invited = results.filter((r) => r.outcome === "invited").length;
  const skippedReasons = new Map<string, number>();
  for (const result of results) {
    if (result.outcome === "invited") continue;
    const label = SKIP_LABELS[result.outcome];
    skippedReasons.set(label, (skippedReasons.get(label) ?? 0) + 1);
  }
  const skipped = results.length - invited;
  let summary = `${invited} ${invited === 1 ? "invitation" : "invitations"} sent`;
  if (skipped > 0) {
    const reasons = [...skippedReasons].map(([label, count]) =>
      skippedReasons.size > 1 ? `${count} ${label}` : label,
    );
    summary += `, ${skipped} skipped: ${reasons.join(", ")}`;
  }
  return {
    results,
    counts: {
      invited,
      skipped,
      alreadyMember: results.filter((r) => r.outcome === "already_member").length,
      alreadyInvited: results.filter((r) => r.outcome === "already_invited").length,
      invalid: results.filter((r) => r.outcome === "invalid" || r.outcome === "duplicate").length,
      domainNotAllowed: results.filter((r) => r.outcome === "domain_not_allowed").length,
    },
    summary,
  };
}
