import type { BulkInvitationAction } from "./bulk-invitation-schemas";
import type { ClosedState } from "./describe-closed-invitation";
import type { InvitationDisplayStatus } from "./status";
import type { ErrorCode } from "@/lib/result";

/** Why a bulk operation left an invitation alone. */
export const BULK_SKIP_REASONS = [
  "accepted",
  "declined",
  "withdrawn",
  "expired",
  "missing",
  "not_permitted",
  "rate_limited",
  "seat_limit",
  "busy",
] as const;
export type BulkSkipReason = (typeof BULK_SKIP_REASONS)[number];

export type BulkOutcome = { id: string; outcome: "done" } | { id: string; outcome: "skipped"; reason: BulkSkipReason };

export type BulkSummary = {
  action: BulkInvitationAction;
  matched: number;
  done: number;
  skipped: number;
  /** Only reasons that occurred, in BULK_SKIP_REASONS order. */
  skippedBy: Partial<Record<BulkSkipReason, number>>;
};

/** The reason a row's current state gives for not doing `action` to it (null: the state allows it). */
export function skipReasonForStatus(status: InvitationDisplayStatus | "MISSING"): BulkSkipReason | null {
  switch (status) {
    case "ACCEPTED":
      return "accepted";
    case "DECLINED":
      return "declined";
    case "WITHDRAWN":
      return "withdrawn";
    case "EXPIRED":
      return "expired";
    case "MISSING":
      return "missing";
    case "PENDING":
      return null;
  }
}

/**
 * A single-invitation function's failure, read as a skip reason. Its state conflicts (CONFLICT,
 * NOT_FOUND) are described by the invitation's state as re-read after the attempt.
 */
export function skipReasonForFailure(
  code: ErrorCode,
  stateAfter: ClosedState | InvitationDisplayStatus,
): BulkSkipReason {
  switch (code) {
    case "RATE_LIMITED":
      return "rate_limited";
    case "LIMIT_REACHED":
      return "seat_limit";
    case "FORBIDDEN":
      return "not_permitted";
    case "UNAVAILABLE":
      return "busy";
    default:
      if (stateAfter === "REPLACED") return "busy";
      return skipReasonForStatus(stateAfter) ?? "busy";
  }
}

export function tallyBulkOutcomes(action: BulkInvitationAction, outcomes: BulkOutcome[]): BulkSummary {
  const counts = new Map<BulkSkipReason, number>();
  let done = 0;
  for (const outcome of outcomes) {
    if (outcome.outcome === "done") done += 1;
    else counts.set(outcome.reason, (counts.get(outcome.reason) ?? 0) + 1);
  }
  const skippedBy: BulkSummary["skippedBy"] = {};
  for (const reason of BULK_SKIP_REASONS) {
    const count = counts.get(reason);
    if (count) skippedBy[reason] = count;
  }
  return { action, matched: outcomes.length, done, skipped: outcomes.length - done, skippedBy };
}
