/**
 * Reading a DataTable's figures by row and column key, for the chart specs and the summaries.
 * A figure quoted in words is taken as the table shows it (`display`: "1,339.3", "118.9%"), so the
 * prose prints what the table prints.
 */
import type { DataCell, DataRow, DataTable } from '../backmatter/table-model.ts';

export function colIndex(t: DataTable, key: string): number {
  const i = t.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`charts: ${t.key} has no column ${key}`);
  return i;
}

export function cell(t: DataTable, row: DataRow, column: string): DataCell | null {
  return row.cells[colIndex(t, column)] ?? null;
}

export function rowByKey(t: DataTable, rowKey: string): DataRow {
  const r = t.rows.find((x) => x.key === rowKey);
  if (!r) throw new Error(`charts: ${t.key} has no row ${rowKey}`);
  return r;
}

/** The figure at row × column, which must be printed. */
export function figure(t: DataTable, row: DataRow | string, column: string): { value: number; shown: string } {
  const r = typeof row === 'string' ? rowByKey(t, row) : row;
  const c = cell(t, r, column);
  if (!c || c.value === null) throw new Error(`charts: ${t.key} has no figure at ${r.key}/${column}`);
  return { value: c.value, shown: c.display };
}

/** The figure at row × column if the table prints one. */
export function figureOrNull(t: DataTable, row: DataRow, column: string): { value: number; shown: string } | null {
  const c = cell(t, row, column);
  return c && c.value !== null ? { value: c.value, shown: c.display } : null;
}

/** The item with the largest score (the first of equals). */
export function largest<T>(items: readonly T[], score: (item: T) => number): T {
  const [first, ...rest] = items;
  if (first === undefined) throw new Error('charts: nothing to compare');
  return rest.reduce((best, x) => (score(x) > score(best) ? x : best), first);
}

/** A number the edition computes (a difference, a share), formatted like the table's figures. */
export const formatCount = (v: number): string => v.toLocaleString('en-GB');

/** "a, b and c" (or "a, b or c"). */
export function listInWords(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1) ?? ''}`;
}
