import { describe, expect, it } from "vitest";
import { nameStatement } from "@/lib/db/name-statement";
import { acceptInvitationSql, type InvitationAsRead } from "./accept-invitation-sql";

const id = "00000000-0000-4000-8000-000000000001";
const invitation: InvitationAsRead = {
  id,
  email: "ada@example.com",
  emailCanonical: "ada@example.com",
  status: "PENDING",
  expiresAt: new Date(),
  responderId: null,
  language: "en",
  version: "1234",
  team: { id, name: "Acme", slug: "acme", seatLimit: null, hasWebhooks: false },
  role: { id, name: "Member", rank: 10 },
  inviter: { id, roleId: id, role: { rank: 50, permissions: ["members.manage"] } },
};
const member = { teamId: id, userId: id, roleId: id, via: { invitationId: id, email: invitation.email } };
const change = { status: "ACCEPTED", responderId: id, unexpiredOnly: true } as const;

describe("acceptInvitationSql", () => {
  // Unnamed, it was parsed and planned on every accept: 1.5 ms of PostgreSQL's time each.
  it.each([
    ["by id", { id }],
    ["by token", { id, tokenHash: "hash" }],
  ])("is a prepared statement (named) when answering %s", (_, ref) => {
    const sql = acceptInvitationSql(invitation, ref, change, member);
    expect(nameStatement({ sql: sql.text, args: sql.values })).toMatch(/^tg_/);
  });

  it("flips only the version that was read, under the roles that were read", () => {
    const sql = acceptInvitationSql(invitation, { id }, change, member);
    expect(sql.text).toContain(`"xmin" = $`);
    expect(sql.values).toEqual(expect.arrayContaining(["1234", 50, ["members.manage"], 10, "Member"]));
  });
});
