import { describe, expect, it } from "vitest";
import { isJoinableDomain, rejectJoinRequestSchema, suggestMemberSchema } from "./join-request-rules";

describe("isJoinableDomain", () => {
  it("needs a policy other than OFF and a listed domain (subdomains included)", () => {
    expect(isJoinableDomain("acme.com", ["acme.com"], "REQUEST")).toBe(true);
    expect(isJoinableDomain("eu.acme.com", ["acme.com"], "AUTO_JOIN")).toBe(true);
    expect(isJoinableDomain("acme.com", ["acme.com"], "OFF")).toBe(false);
    expect(isJoinableDomain("notacme.com", ["acme.com"], "REQUEST")).toBe(false);
  });

  it("never opens a team without allowed domains to everyone", () => {
    expect(isJoinableDomain("acme.com", [], "AUTO_JOIN")).toBe(false);
  });
});

describe("schemas", () => {
  it("trims an empty note or reason to null and caps their length", () => {
    expect(suggestMemberSchema.parse({ email: " a@b.co ", note: "  " })).toEqual({ email: "a@b.co", note: null });
    expect(rejectJoinRequestSchema.parse(undefined)).toEqual({ reason: null });
    expect(rejectJoinRequestSchema.safeParse({ reason: "x".repeat(501) }).success).toBe(false);
    expect(suggestMemberSchema.safeParse({ email: "a@b.co", extra: 1 }).success).toBe(false);
  });
});

describe("wording", () => {
  it("counts pending requests with each language's plural rule (French: 0 is singular)", async () => {
    const { getCatalogue } = await import("@/lib/i18n/catalogues");
    const en = getCatalogue("en").joinRequests.page.count;
    const fr = getCatalogue("fr").joinRequests.page.count;
    expect([0, 1, 2].map(en)).toEqual(["0 pending requests", "1 pending request", "2 pending requests"]);
    expect([0, 1, 2].map(fr)).toEqual(["0 demande en attente", "1 demande en attente", "2 demandes en attente"]);
  });
});
