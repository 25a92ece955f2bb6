import { describe, expect, it } from "vitest";
import { BUILT_IN_ROLES, PERMISSIONS } from "./catalogue";
import { can, canGrantRole, canManageMember } from "./can";

const role = (key: string) => BUILT_IN_ROLES.find((r) => r.key === key)!;

describe("can", () => {
  it("gives the owner every permission", () => {
    for (const permission of PERMISSIONS) expect(can(role("owner"), permission)).toBe(true);
  });

  it("gives the admin everything but deleting the team, managing owners and the team's general settings", () => {
    expect(can(role("admin"), "members.manage")).toBe(true);
    expect(can(role("admin"), "team.settings")).toBe(true);
    expect(can(role("admin"), "team.manage")).toBe(false);
    expect(can(role("owner"), "team.manage")).toBe(true);
    expect(can(role("admin"), "team.delete")).toBe(false);
    expect(can(role("admin"), "owners.manage")).toBe(false);
  });

  it("lets a member only read members", () => {
    expect(can(role("member"), "members.read")).toBe(true);
    expect(can(role("member"), "members.manage")).toBe(false);
  });

  it("denies without a role and ignores unknown permission strings", () => {
    expect(can(null, "members.read")).toBe(false);
    expect(can({ rank: 999, permissions: ["*", "members.manage "] }, "members.manage")).toBe(false);
  });
});

describe("role hierarchy", () => {
  const matrix: Array<[string, string, boolean]> = [
    ["owner", "owner", true],
    ["owner", "admin", true],
    ["owner", "member", true],
    ["admin", "owner", false],
    ["admin", "admin", true],
    ["admin", "member", true],
    ["member", "owner", false],
    ["member", "admin", false],
    ["member", "member", false],
  ];

  it.each(matrix)("%s granting %s → %s", (granter, granted, allowed) => {
    expect(canGrantRole(role(granter), role(granted))).toBe(allowed);
    expect(canManageMember(role(granter), role(granted))).toBe(allowed);
  });
});
