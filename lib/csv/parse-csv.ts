export type CsvParseResult = { ok: true; rows: string[][] } | { ok: false; error: string; line: number };

/**
 * RFC 4180: fields separated by commas, records by CRLF or LF, a field in double quotes may hold
 * commas, line breaks and doubled quotes. Lenient where spreadsheets are (a byte-order mark, a
 * missing final line break, blank lines skipped, `;` as the separator when the header has no comma
 * but has semicolons, as European Excel writes it); strict where guessing would misread data (a
 * quote inside an unquoted field, text after a closing quote, an unclosed quote). `maxRows` stops
 * reading early so a huge file costs no more than the rows it may hold.
 */
export function parseCsv(text: string, { maxRows = Infinity }: { maxRows?: number } = {}): CsvParseResult {
  const input = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const firstLine = input.slice(0, input.search(/\r?\n|$/));
  const separator = !firstLine.includes(",") && firstLine.includes(";") ? ";" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let line = 1;
  let i = 0;
  let quoted = false;
  let afterQuote = false;

  const endRecord = () => {
    row.push(field);
    // A blank line is no record; a line of separators is (it may mean empty cells).
    if (!(row.length === 1 && row[0] === "" && !afterQuote)) rows.push(row);
    row = [];
    field = "";
  };

  while (i < input.length) {
    const char = input[i]!;
    if (quoted) {
      if (char === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        afterQuote = true;
        i += 1;
        continue;
      }
      if (char === "\n") line += 1;
      field += char;
      i += 1;
      continue;
    }
    if (char === separator) {
      row.push(field);
      field = "";
      afterQuote = false;
      i += 1;
      continue;
    }
    if (char === "\r" || char === "\n") {
      endRecord();
      afterQuote = false;
      if (rows.length > maxRows) return { ok: true, rows };
      i += char === "\r" && input[i + 1] === "\n" ? 2 : 1;
      line += 1;
      continue;
    }
    if (afterQuote) return { ok: false, error: "Text after a closing quote", line };
    if (char === '"') {
      if (field !== "") return { ok: false, error: "A quote inside an unquoted field", line };
      quoted = true;
      i += 1;
      continue;
    }
    field += char;
    i += 1;
  }
  if (quoted) return { ok: false, error: "A quoted field is never closed", line };
  if (field !== "" || row.length > 0 || afterQuote) endRecord();
  return { ok: true, rows };
}
