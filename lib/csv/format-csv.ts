/**
 * Spreadsheets run a cell that starts with one of these as a formula (`=HYPERLINK(...)`, `@SUM`,
 * `+cmd|...`), and a tab or carriage return before it hides the sign. Such a cell gets a leading
 * apostrophe, which spreadsheets show as text (OWASP's CSV injection advice).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula-defused, then quoted when it holds a separator, a quote or a line break. */
export function formatCsvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? String(value) : value;
  const defused = typeof value === "string" && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(defused) ? `"${defused.replaceAll('"', '""')}"` : defused;
}

/** One record with its CRLF, as RFC 4180 writes it. */
export function formatCsvRow(cells: Array<string | number | null | undefined>): string {
  return `${cells.map(formatCsvCell).join(",")}\r\n`;
}
