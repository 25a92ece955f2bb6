import { describe, expect, it } from "vitest";
import { en } from "./catalogues/en";
import { fr } from "./catalogues/fr";
import { roleLabel } from "./role-label";

describe("roleLabel", () => {
  it("translates built-in roles", () => {
    expect(roleLabel(fr, { name: "Member", key: "member", builtIn: true })).toBe("Membre");
    expect(roleLabel(en, { name: "Member", key: "member", builtIn: true })).toBe("Member");
  });

  it("keeps a team's own role names as they are", () => {
    expect(roleLabel(fr, { name: "Billing", key: "billing", builtIn: false })).toBe("Billing");
    expect(roleLabel(fr, { name: "Member", key: "member", builtIn: false })).toBe("Member");
  });
});
