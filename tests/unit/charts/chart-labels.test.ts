import { describe, expect, it } from 'vitest';
import { realEdition } from '../pipeline/helpers.ts';
import { tableByNumber } from '../../../src/backmatter/tables.ts';
import { chartForTable } from '../../../src/charts/table-charts.ts';
import { centreWithin, chartAriaLabel, runOn, wrapLabel } from '../../../src/charts/chart-labels.ts';

const edition = realEdition();
const label = (n: number): string => chartAriaLabel(chartForTable(tableByNumber(edition, n)));

describe("a chart's accessible name", () => {
  it('keeps the capitals of abbreviations in an axis label (Table 4: MOK, MGK)', () => {
    expect(label(4)).toContain('Delegates by conference (month/year; MOK oblast’, MGK city).');
    expect(runOn('Year')).toBe('year');
    expect(runOn('MOK delegates')).toBe('MOK delegates');
    expect(runOn('TsK members')).toBe('TsK members');
  });

  it('says what is measured by what, whichever axis each is on (Table 3 has horizontal bars)', () => {
    expect(label(3)).toContain('. Thousands of rubles (current prices) by branch of industry.');
    expect(label(1)).toContain('. Population by year.');
    expect(label(2)).toContain('. Thousands of people by date of count.');
  });
});

describe('axis label layout', () => {
  const measure = (s: string): number => s.length * 6;

  it('breaks a label at spaces into lines that fit, and leaves a label that fits whole', () => {
    const text = 'Thousands of rubles (current prices)';
    expect(wrapLabel(text, 1000, measure)).toEqual([text]);
    const lines = wrapLabel(text, 120, measure);
    expect(lines).toEqual(['Thousands of rubles', '(current prices)']);
    expect(lines.join(' ')).toBe(text);
    expect(Math.max(...lines.map(measure))).toBeLessThanOrEqual(120);
    // A word longer than the room still gets drawn, on its own line.
    expect(wrapLabel('a verylongword b', 30, measure)).toEqual(['a', 'verylongword', 'b']);
  });

  it('centres a label on its axis, moved in only as far as it must be to stay inside', () => {
    expect(centreWithin(100, 40, 0, 300)).toBe(100);
    // Table 3's x label at 375px: centred on a plot that begins at 176, it ran past the right edge.
    expect(centreWithin(250, 200, 4, 336)).toBe(236);
    expect(centreWithin(10, 40, 4, 336)).toBe(24);
    expect(centreWithin(100, 500, 4, 336)).toBe(170);
  });
});
