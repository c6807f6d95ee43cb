/**
 * Checks of a table's printed arithmetic: totals against the sum of their parts, percentages
 * against the figures they are computed from. A failed check flags the checked cell with the
 * computed value; the printed value is never changed.
 */
import type { ArithmeticFlag, DataCell, DataTable } from './table-model.ts';
import { formatValue, roundingTolerance } from './numbers.ts';

export interface CellRef {
  row: string;
  column: string;
}

/** A total that should equal the sum of some parts (a missing part counts as nothing). */
export interface SumCheck {
  kind: 'sum';
  target: CellRef;
  parts: CellRef[];
}

/** A percentage that should equal numerator / denominator × 100 (of the previous year, of the total…). */
export interface RatioCheck {
  kind: 'ratio';
  target: CellRef;
  numerator: CellRef;
  denominator: CellRef;
  /** The figures are exact counts (delegates), not rounded quantities. */
  exact?: boolean;
}

export type Check = SumCheck | RatioCheck;

export function cellAt(table: DataTable, ref: CellRef): DataCell | null {
  const r = table.rows.find((x) => x.key === ref.row);
  const c = table.columns.findIndex((x) => x.key === ref.column);
  if (!r || c < 0) return null;
  return r.cells[c] ?? null;
}

function rowName(table: DataTable, key: string): string {
  return table.rows.find((r) => r.key === key)?.name ?? key;
}

function columnName(table: DataTable, key: string): string {
  const c = table.columns.find((x) => x.key === key);
  return c ? [c.group, c.label].filter(Boolean).join(', ') : key;
}

interface Failure {
  cell: DataCell;
  ref: CellRef;
  computed: number;
  computedText: string;
  rule: string;
  message: string;
}

function runSum(table: DataTable, check: SumCheck): Failure | null {
  const target = cellAt(table, check.target);
  if (!target || target.value === null) return null;
  const parts = check.parts.map((p) => cellAt(table, p));
  const present = parts.filter((p): p is DataCell => p !== null && p.value !== null);
  if (present.length === 0) return null;
  const sum = present.reduce((a, p) => a + (p.value ?? 0), 0);
  const decimals = Math.max(target.decimals, ...present.map((p) => p.decimals));
  // Each rounded part and the rounded total may each be off by half a unit of the last digit.
  const tolerance = roundingTolerance(decimals) * (present.length + 1);
  if (Math.abs(sum - target.value) <= tolerance) return null;
  const computedText = formatValue(sum, decimals);
  const sameColumn = check.parts.every((p) => p.column === check.target.column);
  const label = (key: string): string => table.columns.find((c) => c.key === key)?.label ?? key;
  const names = check.parts.map((p, i) => (parts[i]?.value !== null && parts[i] ? (sameColumn ? rowName(table, p.row) : label(p.column)) : null)).filter((x): x is string => x !== null);
  const figures = present.map((p) => p.display).join(' + ');
  const rule = names.length <= 4 ? `${names.join(' + ')} = ${figures}` : `sum of ${names.length} parts (${figures})`;
  const where = `${rowName(table, check.target.row)} (${columnName(table, check.target.column)})`;
  return {
    cell: target,
    ref: check.target,
    computed: sum,
    computedText,
    rule,
    message: `${where}: printed ${target.display}, but ${rule} = ${computedText}.`,
  };
}

function runRatio(table: DataTable, check: RatioCheck): Failure | null {
  const target = cellAt(table, check.target);
  const num = cellAt(table, check.numerator);
  const den = cellAt(table, check.denominator);
  if (!target || target.value === null || !num || num.value === null || !den || !den.value) return null;
  const exact = (num.value / den.value) * 100;
  // Figures that are themselves rounded move the exact ratio a little too.
  const slack = check.exact ? 0 : exact * (roundingTolerance(num.decimals) / Math.max(num.value, 1e-9) + roundingTolerance(den.decimals) / den.value);
  // One unit of the last printed digit: the thesis sometimes rounds down (13.19 → 13.1) rather than to nearest.
  if (Math.abs(exact - target.value) <= 2 * roundingTolerance(target.decimals) + slack + 0.005) return null;
  const computedText = formatValue(exact, Math.max(target.decimals, 1), target.percent);
  const rule = `${num.display} ÷ ${den.display} × 100`;
  const where = `${rowName(table, check.target.row)} (${columnName(table, check.target.column)})`;
  return {
    cell: target,
    ref: check.target,
    computed: Math.round(exact * 100) / 100,
    computedText,
    rule,
    message: `${where}: printed ${target.display}, but ${rule} = ${computedText}.`,
  };
}

/** Run the checks; flag each failing cell (one flag per cell, messages joined) and return the flags. */
export function applyChecks(table: DataTable, checks: readonly Check[]): ArithmeticFlag[] {
  const flags: ArithmeticFlag[] = [];
  for (const check of checks) {
    const failure = check.kind === 'sum' ? runSum(table, check) : runRatio(table, check);
    if (!failure) continue;
    const existing = flags.find((f) => f.row === failure.ref.row && f.column === failure.ref.column);
    if (existing) {
      existing.message = `${existing.message} Also: ${failure.rule} = ${failure.computedText}.`;
      continue;
    }
    const id = `${table.key}-${failure.ref.row}-${failure.ref.column}`;
    failure.cell.flag = id;
    flags.push({
      id,
      table: table.key,
      row: failure.ref.row,
      column: failure.ref.column,
      line: failure.cell.line,
      printed: failure.cell.printed,
      computed: failure.computed,
      computedText: failure.computedText,
      rule: failure.rule,
      message: failure.message,
    });
  }
  return flags;
}
