import { describe, expect, it } from "vitest";
import { nameStatement } from "./name-statement";

const query = (sql: string, parameters = 1) => ({ sql, args: Array.from({ length: parameters }, (_, i) => i) });

describe("nameStatement", () => {
  it("gives the same SQL the same name and different SQL different names", () => {
    const a = 'SELECT "id" FROM "User" WHERE "id" = $1';
    expect(nameStatement(query(a))).toBe(nameStatement(query(a, 1)));
    expect(nameStatement(query(a))).not.toBe(nameStatement(query(`${a} LIMIT 1`)));
  });

  it("fits PostgreSQL's 63-byte identifiers", () => {
    expect(nameStatement(query("SELECT 1".repeat(1000)))).toMatch(/^tg_[\w-]{1,60}$/);
  });

  it("leaves statements with many parameters unnamed, so bulk shapes do not fill the cache", () => {
    expect(nameStatement(query("INSERT …", 32))).not.toBe("");
    expect(nameStatement(query("INSERT …", 33))).toBe("");
  });

  it("leaves text searches unnamed, so each is planned for the value searched for", () => {
    expect(
      nameStatement(query('SELECT "id" FROM "Invitation" WHERE "teamId" = $1 AND "emailCanonical"::text LIKE $2', 2)),
    ).toBe("");
    expect(nameStatement(query('SELECT "id" FROM "User" WHERE "email" ILIKE $1'))).toBe("");
    expect(nameStatement(query('SELECT "id" FROM "Invitation" WHERE "likes" = $1'))).not.toBe("");
  });
});
