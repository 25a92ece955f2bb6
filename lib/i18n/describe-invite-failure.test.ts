import { describe, expect, it } from "vitest";
import type { ErrorCode } from "@/lib/result";
import { en as english } from "./catalogues/en";
import { fr as french } from "./catalogues/fr";
import { describeFieldErrors, describeInviteFailure, type InviteFailure } from "./describe-invite-failure";

const en = english.invitePage;
const fr = french.invitePage;

const CODES: Array<InviteFailure["code"]> = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "INVALID",
  "CONFLICT",
  "GONE",
  "RATE_LIMITED",
  "LIMIT_REACHED",
  "UNAVAILABLE",
  "UNREACHABLE",
] satisfies Array<ErrorCode | "UNREACHABLE">;

describe("describeInviteFailure", () => {
  it.each(CODES)("says %s in the page's own language", (code) => {
    const english = describeInviteFailure(en, { code }, "Acme");
    const french = describeInviteFailure(fr, { code }, "Acme");
    expect(english).toBeTruthy();
    expect(french).toBeTruthy();
    expect(french).not.toBe(english);
  });

  it("says what closed an invitation, as the server does in English", () => {
    expect(describeInviteFailure(en, { code: "GONE", closed: "ACCEPTED" }, "Acme")).toBe(
      "This invitation has already been used.",
    );
    expect(describeInviteFailure(en, { code: "GONE", closed: "EXPIRED" }, "Acme")).toBe(
      "This invitation has expired. Ask an admin of Acme to send a new one.",
    );
    for (const closed of ["ACCEPTED", "DECLINED", "WITHDRAWN", "EXPIRED"] as const) {
      expect(describeInviteFailure(fr, { code: "GONE", closed }, "Acme")).not.toBe(
        describeInviteFailure(en, { code: "GONE", closed }, "Acme"),
      );
    }
    expect(describeInviteFailure(fr, { code: "GONE" }, "Acme")).toBe(fr.noLongerOpen);
  });

  it("names the team where it helps", () => {
    expect(describeInviteFailure(fr, { code: "LIMIT_REACHED" }, "Acme")).toContain("Acme");
  });
});

describe("describeFieldErrors", () => {
  it("replaces the server's English rules with the catalogue's, field by field", () => {
    const fieldErrors = { password: ["Use at least 12 characters"], name: ["Enter your name"], token: ["Too big"] };
    expect(describeFieldErrors(fr, fieldErrors)).toEqual({ password: fr.passwordRule, name: fr.nameRule });
    expect(describeFieldErrors(en, undefined)).toEqual({});
  });
});
