import { describe, expect, it } from "vitest";
import { formatCsvRow } from "./format-csv";
import { parseCsv } from "./parse-csv";

describe("parseCsv", () => {
  it("reads RFC 4180: quotes, doubled quotes, separators and line breaks inside quotes, CRLF", () => {
    const text = 'email,role\r\n"a,b@example.com","say ""hi"""\r\n"multi\nline",x\r\n';
    expect(parseCsv(text)).toEqual({
      ok: true,
      rows: [
        ["email", "role"],
        ["a,b@example.com", 'say "hi"'],
        ["multi\nline", "x"],
      ],
    });
  });

  it("takes a BOM, LF endings, no final newline, empty cells, and skips blank lines", () => {
    expect(parseCsv("\uFEFFa,b\n\n1,\n,2")).toEqual({
      ok: true,
      rows: [
        ["a", "b"],
        ["1", ""],
        ["", "2"],
      ],
    });
    expect(parseCsv("")).toEqual({ ok: true, rows: [] });
    expect(parseCsv('a\n""')).toEqual({ ok: true, rows: [["a"], [""]] });
  });

  it("reads semicolon-separated files when the header has no comma", () => {
    expect(parseCsv("email;role\nada@example.com;admin")).toEqual({
      ok: true,
      rows: [
        ["email", "role"],
        ["ada@example.com", "admin"],
      ],
    });
  });

  it("refuses what it would have to guess, with the line", () => {
    expect(parseCsv('a\n"open')).toMatchObject({ ok: false, line: 2, error: "A quoted field is never closed" });
    expect(parseCsv('a\nb"c')).toMatchObject({ ok: false, line: 2 });
    expect(parseCsv('"a"b')).toMatchObject({ ok: false, line: 1, error: "Text after a closing quote" });
  });

  it("stops after maxRows + 1 records", () => {
    const result = parseCsv("h\n1\n2\n3\n4\n", { maxRows: 2 });
    expect(result).toEqual({ ok: true, rows: [["h"], ["1"], ["2"]] });
  });

  it("reads back what formatCsvRow writes", () => {
    const cells = ["plain", 'quo"te', "com,ma", "line\r\nbreak", "", "ünï"];
    expect(parseCsv(formatCsvRow(cells))).toEqual({ ok: true, rows: [cells] });
  });
});
