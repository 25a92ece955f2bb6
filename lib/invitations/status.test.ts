import { describe, expect, it } from "vitest";
import { deriveInvitationStatus } from "./status";

const now = new Date("2026-01-10T12:00:00Z");

describe("deriveInvitationStatus", () => {
  it("keeps a pending invitation pending until its expiry", () => {
    expect(deriveInvitationStatus({ status: "PENDING", expiresAt: new Date("2026-01-10T12:00:01Z") }, now)).toBe(
      "PENDING",
    );
  });
  it("marks a pending invitation expired at and after the boundary", () => {
    expect(deriveInvitationStatus({ status: "PENDING", expiresAt: now }, now)).toBe("EXPIRED");
    expect(deriveInvitationStatus({ status: "PENDING", expiresAt: new Date("2025-12-01") }, now)).toBe("EXPIRED");
  });
  it.each(["ACCEPTED", "DECLINED", "WITHDRAWN"] as const)("never marks %s as expired", (status) => {
    expect(deriveInvitationStatus({ status, expiresAt: new Date("2000-01-01") }, now)).toBe(status);
  });
});
