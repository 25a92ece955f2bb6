import { describe, expect, it } from "vitest";
import { en } from "./en";
import { fr } from "./fr";
import { describeBulkSummary, getInvitationsBulkMessages } from "./index";

describe("describeBulkSummary", () => {
  it("says what was done and why the rest was skipped, in English and French", () => {
    const summary = { action: "resend" as const, matched: 20, done: 18, skipped: 2, skippedBy: { accepted: 2 } };
    expect(describeBulkSummary("en", summary)).toBe("18 resent, 2 skipped: already accepted");
    expect(describeBulkSummary("fr", summary)).toBe("18 renvoyées, 2 ignorées : déjà acceptées");
  });

  it("counts each reason when there are several, and says when nothing matched", () => {
    const summary = {
      action: "withdraw" as const,
      matched: 4,
      done: 1,
      skipped: 3,
      skippedBy: { accepted: 2, expired: 1 },
    };
    expect(describeBulkSummary("en", summary)).toBe("1 withdrawn, 3 skipped: 2 already accepted, 1 expired");
    expect(describeBulkSummary("fr", { ...summary, done: 1 })).toMatch(/^1 retirée, 3 ignorées : /);
    expect(describeBulkSummary("en", { action: "delete", matched: 0, done: 0, skipped: 0, skippedBy: {} })).toBe(
      en.summary.nothing,
    );
    expect(describeBulkSummary("en", { action: "delete", matched: 3, done: 3, skipped: 0, skippedBy: {} })).toBe(
      "3 deleted",
    );
  });

  it("names the count in the confirmation, and falls back to English for other languages", () => {
    expect(en.actions.title("withdraw", 2, false)).toBe("Withdraw 2 invitations?");
    expect(en.actions.title("delete", 1, false)).toBe("Delete 1 invitation?");
    expect(fr.actions.title("withdraw", 2, false)).toBe("Retirer 2 invitations ?");
    expect(getInvitationsBulkMessages("de")).toBe(en);
    expect(Object.keys(fr.summary.reason).sort()).toEqual(Object.keys(en.summary.reason).sort());
  });
});
