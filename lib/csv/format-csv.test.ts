import { describe, expect, it } from "vitest";
import { formatCsvCell, formatCsvRow } from "./format-csv";

describe("formatCsvCell", () => {
  it("defuses cells a spreadsheet would run as a formula", () => {
    expect(formatCsvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(formatCsvCell("+1")).toBe("'+1");
    expect(formatCsvCell("-2+3")).toBe("'-2+3");
    expect(formatCsvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(formatCsvCell("\t=1")).toBe("'\t=1");
    expect(formatCsvCell("\r=1")).toBe('"\'\r=1"');
  });

  it("leaves ordinary text and numbers alone, quoting only when needed", () => {
    expect(formatCsvCell("ada@example.com")).toBe("ada@example.com");
    expect(formatCsvCell("a=b")).toBe("a=b");
    expect(formatCsvCell(-5)).toBe("-5");
    expect(formatCsvCell(null)).toBe("");
    expect(formatCsvCell("Engineering; Sales")).toBe("Engineering; Sales");
    expect(formatCsvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
  });

  it("ends a record with CRLF", () => {
    expect(formatCsvRow(["a", 1, null])).toBe("a,1,\r\n");
  });
});
