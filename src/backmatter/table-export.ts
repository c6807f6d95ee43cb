/**
 * One layout of a DataTable shared by the HTML table on /tables/<n>/ and the CSV download, so the
 * two always hold the same cells; and the JSON of every table.
 */
import type { Edition, Emendation } from '../pipeline/model.ts';
import type { ArithmeticFlag, DataCell, DataTable } from './table-model.ts';
import { allTables } from './tables.ts';
import { downloadRights } from '../data/rights.ts';

/** Header of each column in a flat (one-row) header: "In Moscow: Members". */
export function columnHeaders(t: DataTable): string[] {
  return [t.stub || 'Row', ...t.columns.map((c) => (c.group ? `${c.group}: ${c.label}` : c.label))];
}

/** Does the table group its rows under headings ("Main branches")? Then the CSV gets a group column. */
export function hasRowGroups(t: DataTable): boolean {
  return t.rows.some((r) => r.group !== null);
}

/** The table as rows of text, exactly as the HTML table shows them (missing figures are empty). */
export function tableGrid(t: DataTable): string[][] {
  return t.rows.map((r) => [...(hasRowGroups(t) ? [r.group ?? ''] : []), r.label, ...r.cells.map((c) => c?.display ?? '')]);
}

function csvField(v: string): string {
  return /[",\n\r]/u.test(v) ? `"${v.replace(/"/gu, '""')}"` : v;
}

/** A figure for a CSV: the number as printed, without thousands separators or "%"; empty for a dash or blank. */
function csvValue(c: DataCell | null): string {
  return c === null || c.value === null ? '' : c.value.toFixed(c.decimals);
}

/**
 * CSV (RFC 4180, CRLF line ends) with one header row: the rows and columns of /tables/<n>/, each
 * figure as a plain number (1665800, 103.5) so that any spreadsheet reads it as one; a column of
 * percentages says so in its header. Printed readings and flags are in tables.json.
 */
export function tableCsv(t: DataTable): string {
  const percent = t.columns.map((c, i) => c.measure === 'percent' || t.rows.some((r) => r.cells[i]?.percent === true));
  const header = [...(hasRowGroups(t) ? ['Group'] : []), ...columnHeaders(t).map((h, i) => (i > 0 && percent[i - 1] && !h.includes('%') ? `${h} (%)` : h))];
  const rows = t.rows.map((r) => [...(hasRowGroups(t) ? [r.group ?? ''] : []), r.label, ...r.cells.map(csvValue)]);
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The listed editorial note that records a flag, if any. */
export function emendationForFlag(edition: Edition, f: ArithmeticFlag): Emendation | null {
  return edition.emendations.find((e) => e.kind === 'editorial-note' && e.line === f.line && e.original.includes(f.printed)) ?? null;
}

/** Where a table's downloads live. */
export function csvHref(t: DataTable): string {
  return `/data/tables/${t.key}.csv`;
}

/** Every table as JSON: structure, printed and normalised readings, values, notes, sources and flags. */
export function tablesJson(edition: Edition): string {
  const tables = allTables(edition).map((t) => ({
    ...t,
    csv: csvHref(t),
    flags: t.flags.map((f) => ({ ...f, emendation: emendationForFlag(edition, f)?.id ?? null })),
  }));
  const doc = {
    title: 'Tables of Catherine Merridale, The Communist Party in Moscow 1925-1932 (PhD thesis, Birmingham, 1987), as data',
    source: { sha256: edition.meta.sourceSha256, lines: edition.meta.sourceLines },
    rights: downloadRights(edition.meta),
    note: 'printed: the reading in the source; display: the reading shown in the edition (thousands separators closed up); value: the figure as a number (null for a dash or blank). flags: figures whose printed arithmetic fails, with the computed value; the printed value is kept.',
    tables,
  };
  return `${JSON.stringify(doc, null, 1)}\n`;
}
