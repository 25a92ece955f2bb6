import { describe, expect, it } from "vitest";
import { INVITATION_STATUSES } from "@/lib/invitations/status";
import { BUILT_IN_ROLES } from "./catalogue";
import { grantableRoles } from "./grantable-roles";
import { allowedInvitationActions } from "./invitation-actions";

const role = (key: string) => BUILT_IN_ROLES.find((r) => r.key === key)!;

describe("allowedInvitationActions", () => {
  it("lets a manager do everything to a pending invitation within their rank", () => {
    expect(allowedInvitationActions(role("admin"), { status: "PENDING", role: role("member") })).toEqual({
      copyLink: true,
      resend: true,
      resetLink: true,
      withdraw: true,
      edit: true,
      delete: true,
    });
  });

  it("offers resend, reset link and delete for an expired invitation, delete only once answered or withdrawn", () => {
    expect(allowedInvitationActions(role("admin"), { status: "EXPIRED", role: role("admin") })).toEqual({
      copyLink: false,
      resend: true,
      resetLink: true,
      withdraw: false,
      edit: false,
      delete: true,
    });
    for (const status of ["ACCEPTED", "DECLINED", "WITHDRAWN"] as const) {
      expect(allowedInvitationActions(role("owner"), { status, role: role("member") })).toEqual({
        copyLink: false,
        resend: false,
        resetLink: false,
        withdraw: false,
        edit: false,
        delete: true,
      });
    }
  });

  it("allows nothing on an invitation above the viewer's role, or without members.manage", () => {
    for (const status of INVITATION_STATUSES) {
      expect(
        Object.values(allowedInvitationActions(role("admin"), { status, role: role("owner") })).some(Boolean),
      ).toBe(false);
      expect(
        Object.values(allowedInvitationActions(role("member"), { status, role: role("member") })).some(Boolean),
      ).toBe(false);
    }
  });
});

describe("grantableRoles", () => {
  it("lists the roles at or below the viewer's, highest first; none for a member", () => {
    const shuffled = [role("member"), role("owner"), role("admin")];
    expect(grantableRoles(role("admin"), shuffled).map((r) => r.key)).toEqual(["admin", "member"]);
    expect(grantableRoles(role("owner"), shuffled).map((r) => r.key)).toEqual(["owner", "admin", "member"]);
    expect(grantableRoles(role("member"), shuffled)).toEqual([]);
  });
});
