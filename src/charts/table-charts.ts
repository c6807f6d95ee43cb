/**
 * Which chart stands beside each of Tables 1–5, built from the table's data at build time. The
 * summary in words that goes with it is in table-summaries.ts.
 */
import type { DataCell, DataTable } from '../backmatter/table-model.ts';
import { CONFERENCES, T4_CATEGORY_ROWS } from '../backmatter/tables.ts';
import type { BarSeries, ChartSpec, Datum } from './spec.ts';
import { cell, colIndex } from './table-cells.ts';

function datum(c: DataCell | null, text: (shown: string) => string): Datum | null {
  if (!c || c.value === null) return null;
  return { value: c.value, text: text(c.display) + (c.flag ? ' (arithmetic flagged)' : ''), flagged: c.flag !== null };
}

/** "1929 (July)" → 1929.5; "1913" → 1913. */
function yearOf(label: string): number {
  const y = Number(/\d{4}/u.exec(label)?.[0] ?? NaN);
  return /July/u.test(label) ? y + 0.5 : y;
}

function table1(t: DataTable): ChartSpec {
  return {
    kind: 'line',
    title: 'Population of Moscow, 1913–34 (1 January)',
    xLabel: 'Year',
    yLabel: 'Population',
    series: [
      {
        name: 'Population',
        dashed: false,
        points: t.rows.flatMap((r) => {
          const pct = cell(t, r, 'pct-previous');
          const d = datum(cell(t, r, 'population'), (v) => `${r.label}: ${v}${pct && pct.value !== null ? ` (${pct.display} of the previous year)` : ''}`);
          return d ? [{ ...d, x: yearOf(r.label) }] : [];
        }),
      },
    ],
    bands: [{ from: 1918, to: 1921, label: 'Civil war' }],
  };
}

/** A Table 5 series named by the table's own headings: "Moscow province as a whole: members". */
function membershipSeriesName(t: DataTable, key: string): string {
  const column = t.columns[colIndex(t, key)];
  const where = (column?.group ?? '').replace(/^In (?:the )?/u, '');
  return `${where.charAt(0).toUpperCase()}${where.slice(1)}: ${(column?.label ?? key).toLowerCase()}`;
}

function table5(t: DataTable): ChartSpec {
  const series = ([
    ['moscow-members', false],
    ['moscow-candidates', false],
    ['province-members', true],
    ['province-candidates', true],
  ] as const).map(([key, dashed]) => ({
    name: membershipSeriesName(t, key),
    dashed,
    points: t.rows.flatMap((r) => {
      const d = datum(cell(t, r, key), (v) => `${membershipSeriesName(t, key)}, ${r.label}: ${v}`);
      return d ? [{ ...d, x: yearOf(r.label) }] : [];
    }),
  }));
  return { kind: 'line', title: 'Membership of the Moscow Party organisation, 1924–34 (1 January; July 1929)', xLabel: 'Year', yLabel: 'Members and candidates', series, bands: [] };
}

function table3(t: DataTable): ChartSpec {
  const rows = t.rows.filter((r) => r.group !== null);
  const periods = ['h-1927-28', 'h-1928-29', 'h-1932'];
  const series: BarSeries[] = periods.map((key) => {
    const label = t.columns[colIndex(t, key)]?.label ?? key;
    return { name: label, values: rows.map((r) => datum(cell(t, r, key), (v) => `${r.name}, ${label}: ${v} thousand rubles`)) };
  });
  return {
    kind: 'grouped-bar',
    title: 'Capital investment in Moscow industries by branch, 1927/28, 1928/29 and 1932',
    xLabel: 'Thousands of rubles (current prices)',
    yLabel: 'Branch of industry',
    categories: rows.map((r) => r.name),
    series,
  };
}

function table2(t: DataTable): ChartSpec {
  const rows = t.rows.filter((r) => r.kind === 'data');
  const total = t.rows.find((r) => r.kind === 'total');
  const years = ['1926', '1931', '1933'];
  return {
    kind: 'stacked-bar',
    title: "Social composition of Moscow's population, 1926, 1931 and 1933",
    xLabel: 'Date of count',
    yLabel: 'Thousands of people',
    categories: years,
    series: rows.map((r) => ({ name: r.name, values: years.map((y) => datum(cell(t, r, y), (v) => `${r.name}, ${y}: ${v} thousand`)) })),
    totals: years.map((y) => datum(total ? cell(t, total, y) : null, (v) => `Printed total, ${y}: ${v} thousand`)),
  };
}

function table4(t: DataTable): ChartSpec {
  const rows = T4_CATEGORY_ROWS.flatMap((k) => t.rows.filter((r) => r.key === k));
  const total = t.rows.find((r) => r.key === 'total');
  return {
    kind: 'stacked-bar',
    title: 'Delegates to Moscow Party conferences by organisation, 1925–34',
    xLabel: 'Conference (month/year; MOK oblast’, MGK city)',
    yLabel: 'Delegates',
    categories: CONFERENCES.map((c) => c.label),
    series: rows.map((r) => ({ name: r.name, values: CONFERENCES.map((c) => datum(cell(t, r, `${c.key}-n`), (v) => `${r.name}, ${c.label}: ${v} delegates`)) })),
    totals: CONFERENCES.map((c) => datum(total ? cell(t, total, `${c.key}-n`) : null, (v) => `Printed total, ${c.label}: ${v} delegates`)),
  };
}

/** The chart for Table n (1–5). */
export function chartForTable(t: DataTable): ChartSpec {
  switch (t.n) {
    case 1:
      return table1(t);
    case 2:
      return table2(t);
    case 3:
      return table3(t);
    case 4:
      return table4(t);
    case 5:
      return table5(t);
    default:
      throw new Error(`charts: no chart for ${t.key}`);
  }
}
