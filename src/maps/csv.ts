/** A minimal CSV reader (RFC 4180 quoting, CRLF or LF; blank lines skipped): the geodata tables, and the tests that read the edition's CSV downloads. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

/**
 * Rows as records keyed by the header. The compiled anchor table has unquoted commas in its
 * last column ("estimate, general knowledge"), so any extra fields are joined back into it.
 */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((r) => {
    const fixed = r.length > header.length ? [...r.slice(0, header.length - 1), r.slice(header.length - 1).join(',')] : r;
    return Object.fromEntries(header.map((h, i) => [h, (fixed[i] ?? '').trim()]));
  });
}
