import { describe, expect, it } from "vitest";
import { invitationListQuerySchema } from "@/lib/invitations/schemas";
import { memberListQuerySchema } from "@/lib/members/member-list-query";
import { cleanTableQuery } from "./clean-table-query";

const ROLE = "2b1f7c3e-8a4d-4f6b-9c2e-1d3a5b7c9e0f";

describe("cleanTableQuery", () => {
  it("keeps a valid query unchanged", () => {
    const result = cleanTableQuery(invitationListQuerySchema.shape, {
      status: "PENDING,EXPIRED",
      role: ROLE,
      page: "2",
      perPage: "10",
      q: "a",
    });
    expect(result.changed).toBe(false);
    expect(result.params.toString()).toBe(`status=PENDING%2CEXPIRED&role=${ROLE}&page=2&perPage=10&q=a`);
  });

  it("drops unknown values from a list and keeps the known ones", () => {
    const result = cleanTableQuery(invitationListQuerySchema.shape, { status: "NOPE,PENDING", perPage: "10" });
    expect(result.changed).toBe(true);
    expect(result.params.toString()).toBe("status=PENDING&perPage=10");
  });

  it("drops a key none of whose values can be read", () => {
    const result = cleanTableQuery(invitationListQuerySchema.shape, {
      status: "NOPE",
      role: "not-a-uuid",
      sort: "password",
      order: "up",
      page: "abc",
      perPage: "7",
    });
    expect(result.changed).toBe(true);
    expect(result.params.toString()).toBe("");
    expect(invitationListQuerySchema.safeParse(Object.fromEntries(result.params)).success).toBe(true);
  });

  it("leaves keys the schema does not know alone", () => {
    const result = cleanTableQuery(memberListQuerySchema.out.shape, { joined: "new", page: "0" });
    expect(result.changed).toBe(true);
    expect(result.params.toString()).toBe("joined=new");
  });

  it("reads a repeated key as one list", () => {
    const result = cleanTableQuery(invitationListQuerySchema.shape, { status: ["PENDING", "ACCEPTED"] });
    expect(result.params.get("status")).toBe("PENDING,ACCEPTED");
  });
});
