import { describe, expect, it } from "vitest";
import { bulkInvitationSchema } from "./bulk-invitation-schemas";
import { skipReasonForFailure, skipReasonForStatus, tallyBulkOutcomes } from "./tally-bulk-outcomes";

describe("tallyBulkOutcomes", () => {
  it("counts done and skipped rows, reasons in a fixed order and only those that occurred", () => {
    const summary = tallyBulkOutcomes("resend", [
      { id: "1", outcome: "done" },
      { id: "2", outcome: "skipped", reason: "rate_limited" },
      { id: "3", outcome: "done" },
      { id: "4", outcome: "skipped", reason: "accepted" },
      { id: "5", outcome: "skipped", reason: "accepted" },
    ]);
    expect(summary).toEqual({
      action: "resend",
      matched: 5,
      done: 2,
      skipped: 3,
      skippedBy: { accepted: 2, rate_limited: 1 },
    });
    expect(Object.keys(summary.skippedBy)).toEqual(["accepted", "rate_limited"]);
  });

  it("an empty match is an empty summary", () => {
    expect(tallyBulkOutcomes("delete", [])).toEqual({
      action: "delete",
      matched: 0,
      done: 0,
      skipped: 0,
      skippedBy: {},
    });
  });
});

describe("skip reasons", () => {
  it("follow the row's state, and a refused limit or a busy database before the state", () => {
    expect(skipReasonForStatus("PENDING")).toBeNull();
    expect(skipReasonForStatus("EXPIRED")).toBe("expired");
    expect(skipReasonForStatus("MISSING")).toBe("missing");
    expect(skipReasonForFailure("CONFLICT", "ACCEPTED")).toBe("accepted");
    expect(skipReasonForFailure("NOT_FOUND", "MISSING")).toBe("missing");
    expect(skipReasonForFailure("RATE_LIMITED", "PENDING")).toBe("rate_limited");
    expect(skipReasonForFailure("LIMIT_REACHED", "EXPIRED")).toBe("seat_limit");
    expect(skipReasonForFailure("UNAVAILABLE", "PENDING")).toBe("busy");
    expect(skipReasonForFailure("CONFLICT", "REPLACED")).toBe("busy");
  });
});

describe("bulkInvitationSchema", () => {
  const id = "3f0e7a52-8d1c-4b7e-9a41-6c2d5e8f9a10";
  it("takes ids or the list's filter, never both, and parses the filter like the list's URL", () => {
    expect(bulkInvitationSchema.safeParse({ action: "withdraw", target: { ids: [id] } }).success).toBe(true);
    const filtered = bulkInvitationSchema.parse({
      action: "resend",
      target: { filter: { status: "PENDING,EXPIRED" } },
    });
    expect(filtered.target).toEqual({
      filter: { status: ["PENDING", "EXPIRED"], role: [], inviter: [], q: undefined },
    });
    expect(bulkInvitationSchema.safeParse({ action: "withdraw", target: { ids: [id], filter: {} } }).success).toBe(
      false,
    );
    expect(bulkInvitationSchema.safeParse({ action: "withdraw", target: { ids: [] } }).success).toBe(false);
    expect(bulkInvitationSchema.safeParse({ action: "archive", target: { ids: [id] } }).success).toBe(false);
    expect(bulkInvitationSchema.safeParse({ action: "delete", target: { filter: { status: ["LOST"] } } }).success).toBe(
      false,
    );
    expect(bulkInvitationSchema.safeParse({ action: "delete", target: { filter: { q: "a\u0007" } } }).success).toBe(
      false,
    );
  });
});
