import { describe, expect, it } from "vitest";
import { MAX_IMPORT_ROWS, parseInvitationCsv } from "./parse-invitation-csv";

describe("parseInvitationCsv", () => {
  it("reads the columns by name, in any order, with groups split on ; or |", () => {
    const csv =
      'Language,EMAIL,groups,role,notes\nfr,ada@example.com,"Engineering; Sales",admin,x\n,grace@example.com,Sales|Ops,,\n';
    expect(parseInvitationCsv(csv)).toEqual({
      ok: true,
      rows: [
        { row: 2, email: "ada@example.com", role: "admin", groups: ["Engineering", "Sales"], language: "fr" },
        { row: 3, email: "grace@example.com", role: null, groups: ["Sales", "Ops"], language: null },
      ],
    });
  });

  it("needs only the email column", () => {
    expect(parseInvitationCsv("email\nada@example.com")).toMatchObject({
      ok: true,
      rows: [{ row: 2, email: "ada@example.com", role: null, groups: [], language: null }],
    });
  });

  it("marks a row with an unknown language instead of refusing the file", () => {
    const result = parseInvitationCsv("email,language\nada@example.com,de\ngrace@example.com,EN");
    expect(result).toMatchObject({
      ok: true,
      rows: [
        { row: 2, problem: expect.stringContaining("Unknown language: de") },
        { row: 3, language: "en" },
      ],
    });
    if (result.ok) expect(result.rows[1]).not.toHaveProperty("problem");
  });

  it("refuses a file without an email column, without rows, malformed, or too long", () => {
    expect(parseInvitationCsv("")).toMatchObject({ ok: false, error: "The file is empty." });
    expect(parseInvitationCsv("name,role\nAda,admin")).toMatchObject({
      ok: false,
      error: expect.stringContaining('"email"'),
    });
    expect(parseInvitationCsv("email\n")).toMatchObject({ ok: false, error: expect.stringContaining("no rows") });
    expect(parseInvitationCsv('email\n"ada@example.com')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Row 2/),
    });
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `u${i}@example.com`).join("\n");
    expect(parseInvitationCsv(`email\n${rows}`)).toMatchObject({ ok: false, error: expect.stringContaining("5,000") });
    expect(parseInvitationCsv(`email\n${rows.split("\n").slice(0, MAX_IMPORT_ROWS).join("\n")}`)).toMatchObject({
      ok: true,
    });
  });
});
