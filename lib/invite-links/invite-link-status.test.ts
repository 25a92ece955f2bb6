import { describe, expect, it } from "vitest";
import { deriveInviteLinkStatus, emailFitsLinkDomain } from "./invite-link-status";

const now = new Date("2026-11-28T12:00:00Z");
const live = { revokedAt: null, expiresAt: new Date("2026-11-29T12:00:00Z"), uses: 2, maxUses: 3 };

describe("deriveInviteLinkStatus", () => {
  it("is active while unrevoked, unexpired and not used up", () => {
    expect(deriveInviteLinkStatus(live, now)).toBe("ACTIVE");
  });
  it("is used up at maxUses", () => {
    expect(deriveInviteLinkStatus({ ...live, uses: 3 }, now)).toBe("USED_UP");
  });
  it("is expired at the expiry instant itself", () => {
    expect(deriveInviteLinkStatus({ ...live, expiresAt: now }, now)).toBe("EXPIRED");
  });
  it("says revoked before anything else", () => {
    expect(deriveInviteLinkStatus({ ...live, uses: 3, expiresAt: now, revokedAt: now }, now)).toBe("REVOKED");
  });
});

describe("emailFitsLinkDomain", () => {
  it("admits any address without a domain", () => {
    expect(emailFitsLinkDomain("a@b.example", null)).toBe(true);
  });
  it("admits the exact domain only", () => {
    expect(emailFitsLinkDomain("ann@acme.com", "acme.com")).toBe(true);
    expect(emailFitsLinkDomain("ann@evil-acme.com", "acme.com")).toBe(false);
    expect(emailFitsLinkDomain("ann@acme.com.evil.io", "acme.com")).toBe(false);
    expect(emailFitsLinkDomain("ann@sub.acme.com", "acme.com")).toBe(false);
  });
});
