import { describe, expect, it } from 'vitest';
import { realEdition } from '../pipeline/helpers.ts';
import { numberedTables, tableByNumber } from '../../../src/backmatter/tables.ts';
import { chartForTable } from '../../../src/charts/table-charts.ts';
import { chartSummary } from '../../../src/charts/table-summaries.ts';
import { chartAriaLabel } from '../../../src/charts/chart-labels.ts';
import type { ChartSpec } from '../../../src/charts/spec.ts';

const edition = realEdition();
const tables = numberedTables(edition);

/** Every text a chart gives a reader: its accessible name, legend and each mark's value. */
function chartTexts(spec: ChartSpec): string[] {
  const marks = spec.kind === 'line' ? spec.series.flatMap((s) => s.points.map((p) => p.text)) : spec.series.flatMap((s) => s.values.flatMap((v) => (v ? [v.text] : [])));
  const totals = spec.kind === 'stacked-bar' ? spec.totals.flatMap((v) => (v ? [v.text] : [])) : [];
  return [chartAriaLabel(spec), ...spec.series.map((s) => s.name), ...marks, ...totals];
}

/** Figures of four or more digits without the table's thousands separator ("1339.3"); a year (1913–1934) is not a figure. */
function unseparated(text: string): string[] {
  return [...text.matchAll(/(?<![\d,.])\d{4,}(?:\.\d+)?(?![\d,])/gu)].map((m) => m[0]).filter((n) => !/^19[0-3]\d$/u.test(n));
}

describe('chart summaries and labels', () => {
  it('print figures as the tables do, with thousands separators (Table 2: 1,339.3)', () => {
    for (const t of tables) {
      expect(unseparated(chartSummary(t)), `Table ${t.n}'s summary`).toEqual([]);
      expect(chartTexts(chartForTable(t)).flatMap(unseparated), `Table ${t.n}'s chart`).toEqual([]);
    }
    expect(chartSummary(tableByNumber(edition, 2))).toContain('939.3, 1,088.6 and 1,339.3 thousand');
  });

  it("name Table 1's fastest growth from its own percentage column (1923, 118.9%), not the five-year plan", () => {
    const t = tableByNumber(edition, 1);
    const pct = t.columns.findIndex((c) => c.key === 'pct-previous');
    const fastest = t.rows.filter((r) => r.cells[pct]?.value != null).sort((a, b) => (b.cells[pct]?.value ?? 0) - (a.cells[pct]?.value ?? 0))[0];
    expect(fastest?.label).toBe('1923');
    const summary = chartSummary(t);
    expect(summary).toContain(`growth was fastest in ${fastest?.label} (${fastest?.cells[pct]?.display} of the previous year's population), followed by 1933 (116.9%)`);
    expect(summary).toContain('the largest rise in numbers was in 1933 (528,300 more than in 1932)');
    expect(summary).not.toMatch(/five-year plan/u);
  });

  it('derive their comparisons from the figures', () => {
    expect(chartSummary(tableByNumber(edition, 2))).toContain('The printed totals for 1931 and 1933 are larger than the sum of the groups listed (2,781.3 against 2,749.1 and 3,416.5 against 3,391.1 thousand).');
    // The chart stacks the groups themselves, so its 1931 bar is 10.0 below the check's sum, which takes the flagged subtotal as printed; 1933's is not.
    expect(chartSummary(tableByNumber(edition, 2))).toContain('Drawn from its groups, 1931 comes to 2,739.1 thousand: the sum above takes all employed workers as printed (1,325.5), itself 10.0 more than its parts.');
    expect(chartSummary(tableByNumber(edition, 2))).not.toContain('Drawn from its groups, 1933');
    expect(chartSummary(tableByNumber(edition, 3))).toContain('Metalworking received the most in every year');
    expect(chartSummary(tableByNumber(edition, 4))).toContain('The groups at the XIII 1/25 conference add up to 156, not to its printed total of 127.');
    expect(chartSummary(tableByNumber(edition, 5))).toContain('the province as a whole grew by 33% (163,706 to 217,754), the city by 6%');
  });

  it("name Table 5's province series as the table does: the province as a whole, the city included", () => {
    const spec = chartForTable(tableByNumber(edition, 5));
    expect(spec.series.map((s) => s.name)).toEqual(['Moscow: members', 'Moscow: candidates', 'Moscow province as a whole: members', 'Moscow province as a whole: candidates']);
  });
});
