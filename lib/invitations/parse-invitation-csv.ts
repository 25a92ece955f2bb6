import { parseCsv } from "@/lib/csv/parse-csv";
import { LANGUAGE_CODES } from "./languages";

export const MAX_IMPORT_ROWS = 5_000;
/** 5,000 rows of long addresses and several groups fit; the server action's 1 MiB body limit is above it. */
export const MAX_IMPORT_BYTES = 900_000;

/** One data row of the file; `row` counts records, the header being row 1. Empty cells are null. */
export type InvitationCsvRow = {
  row: number;
  email: string;
  role: string | null;
  groups: string[];
  language: string | null;
  /** What is wrong with this row on its own (an unknown language); such a row is skipped. */
  problem?: string;
};

export type InvitationCsvResult = { ok: true; rows: InvitationCsvRow[] } | { ok: false; error: string };

const COLUMNS = {
  email: ["email", "e-mail", "email address"],
  role: ["role"],
  groups: ["groups", "group"],
  language: ["language", "lang"],
};

/**
 * An invitations CSV: a header row naming the columns (email required; role, groups and language
 * optional, in any order, case-insensitive; other columns ignored), then one invitation per row.
 * Groups are separated by ";" or "|" within their cell. What each row then does (address, role,
 * groups, limits) is judged by the same rules as the invite dialog, on the server.
 */
export function parseInvitationCsv(text: string): InvitationCsvResult {
  if (text.length > MAX_IMPORT_BYTES)
    return { ok: false, error: `The file is too large: at most ${MAX_IMPORT_ROWS.toLocaleString("en")} rows.` };
  const parsed = parseCsv(text, { maxRows: MAX_IMPORT_ROWS + 1 });
  if (!parsed.ok) return { ok: false, error: `Row ${parsed.line}: ${parsed.error}.` };
  const [header, ...records] = parsed.rows;
  if (!header) return { ok: false, error: "The file is empty." };
  const names = header.map((cell) => cell.trim().toLowerCase());
  const index = Object.fromEntries(
    Object.entries(COLUMNS).map(([column, aliases]) => [column, names.findIndex((name) => aliases.includes(name))]),
  ) as Record<keyof typeof COLUMNS, number>;
  if (index.email < 0) return { ok: false, error: 'The first row must name the columns, including "email".' };
  if (records.length === 0) return { ok: false, error: "The file has a header but no rows." };
  if (records.length > MAX_IMPORT_ROWS)
    return { ok: false, error: `At most ${MAX_IMPORT_ROWS.toLocaleString("en")} rows per file.` };

  const cell = (record: string[], column: number) => (column < 0 ? "" : (record[column] ?? "").trim());
  const rows = records.map((record, position): InvitationCsvRow => {
    const language = cell(record, index.language).toLowerCase() || null;
    const row: InvitationCsvRow = {
      row: position + 2,
      email: cell(record, index.email).slice(0, 320),
      role: cell(record, index.role).slice(0, 64) || null,
      groups: [
        ...new Set(
          cell(record, index.groups)
            .split(/[;|]/)
            .map((group) => group.trim().slice(0, 64))
            .filter(Boolean),
        ),
      ].slice(0, 50),
      language,
    };
    if (language && !(LANGUAGE_CODES as string[]).includes(language))
      row.problem = `Unknown language: ${language.slice(0, 10)} (use ${LANGUAGE_CODES.join(" or ")})`;
    return row;
  });
  return { ok: true, rows };
}
