/**
 * Which chart stands beside each of Tables 1–5, built from the table's data at build time, and
 * the plain-language summary that the page shows whether or not the chart is drawn.
 */
import type { DataCell, DataRow, DataTable } from '../backmatter/table-model.ts';
import { CONFERENCES, T4_CATEGORY_ROWS } from '../backmatter/tables.ts';
import type { BarSeries, ChartSpec, Datum } from './spec.ts';

const num = (v: number): string => v.toLocaleString('en-GB');

function colIndex(t: DataTable, key: string): number {
  const i = t.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`charts: ${t.key} has no column ${key}`);
  return i;
}

function cell(t: DataTable, row: DataRow, column: string): DataCell | null {
  return row.cells[colIndex(t, column)] ?? null;
}

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

function table5(t: DataTable): ChartSpec {
  const series = ([
    ['moscow-members', 'Moscow: members', false],
    ['moscow-candidates', 'Moscow: candidates', false],
    ['province-members', 'Province: members', true],
    ['province-candidates', 'Province: candidates', true],
  ] as const).map(([key, name, dashed]) => ({
    name,
    dashed,
    points: t.rows.flatMap((r) => {
      const d = datum(cell(t, r, key), (v) => `${name}, ${r.label}: ${v}`);
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

function valueOf(t: DataTable, rowKey: string, column: string): number {
  const r = t.rows.find((x) => x.key === rowKey);
  const v = r ? cell(t, r, column)?.value : null;
  if (v === null || v === undefined) throw new Error(`charts: ${t.key} has no figure at ${rowKey}/${column}`);
  return v;
}

/** What the chart shows, in words: the page's text alternative to the drawing. */
export function chartSummary(t: DataTable): string {
  switch (t.n) {
    case 1: {
      const p = (y: string): number => valueOf(t, y, 'population');
      const fall = Math.round((1 - p('1921') / p('1917')) * 100);
      return `Moscow had ${num(p('1913'))} inhabitants in 1913 and ${num(p('1917'))} in 1917. During the civil war the population fell every year, to ${num(p('1921'))} in 1921, ${fall}% below 1917. It regained its pre-war size by 1925 and kept growing, fastest in the first five-year plan, to ${num(p('1933'))} in 1933, before falling slightly to ${num(p('1934'))} in 1934.`;
    }
    case 2: {
      const v = (r: string, y: string): number => valueOf(t, r, y);
      return `Between 1926 and 1933 the number of workers in Moscow rose from ${v('workers', '1926')} to ${v('workers', '1933')} thousand and of employees from ${v('employees', '1926')} to ${v('employees', '1933')} thousand; dependants remained the largest group (${v('dependants', '1926')} and ${v('dependants', '1933')} thousand). The unemployed (${v('unemployed', '1926')} thousand in 1926) have no figures for 1931 and 1933. The printed totals for 1931 and 1933 are larger than the sum of the groups listed.`;
    }
    case 3: {
      const v = (r: string, c: string): number => valueOf(t, r, c);
      return `Investment in Moscow industry rose from ${num(v('total-in-moscow', 'h-1927-28'))} thousand rubles in 1927/28 to ${num(v('total-in-moscow', 'h-1932'))} thousand in 1932, most of it in group A (producer goods). Metalworking took the largest share throughout (${num(v('metalworking', 'h-1932'))} thousand in 1932), far ahead of electro-technical and chemical industries; textiles received almost the same amount in each year.`;
    }
    case 4: {
      const v = (r: string, c: string): number => valueOf(t, r, `${c}-n`);
      return `Conferences had between ${v('total', 'iv-1934-mok')} and ${v('total', 'i-1929')} delegates. Representatives of local organisations outside Moscow were the largest named group at the first oblast' conference of September 1929 (${v('local', 'i-1929')} of ${v('total', 'i-1929')}), after the oblast' was formed; 'Others' (workers, cell secretaries and others not listed separately) make up much of the XIII, XVII and later conferences. The figures for the XIII conference do not add up to its printed total.`;
    }
    case 5: {
      const v = (r: string, c: string): number => valueOf(t, r, c);
      return `Party membership in Moscow (members and candidates) grew from ${num(v('1924', 'moscow-total'))} in 1924 to ${num(v('1933', 'moscow-total'))} in 1933, then fell to ${num(v('1934', 'moscow-total'))} in 1934 after the purge; in the province as a whole it reached ${num(v('1933', 'province-total'))}. The province jumped between January and July 1929, when the new oblast' absorbed neighbouring provinces. Candidates rose sharply in 1931–32.`;
    }
    default:
      return '';
  }
}
