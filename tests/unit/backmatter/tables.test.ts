import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { realEdition, root } from './edition.ts';
import { allTables, cellCount, chapterTables, numberedTables, tableByNumber, CONFERENCES } from '../../../src/backmatter/tables.ts';
import { parsePrinted, normalisePrinted } from '../../../src/backmatter/numbers.ts';
import { tableEmendationDrafts } from '../../../src/backmatter/table-emendations.ts';
import { tableCsv, tableGrid, columnHeaders } from '../../../src/backmatter/table-export.ts';
import { toLines } from '../../../src/pipeline/lines.ts';
import type { Emendation } from '../../../src/pipeline/model.ts';
import { chartForTable } from '../../../src/charts/table-charts.ts';
import { markCount } from '../../../src/charts/spec.ts';
import { markEmendations } from '../../../src/render/emended-text.ts';

const edition = realEdition();
const value = (n: number, row: string, column: string): number | null => {
  const t = tableByNumber(edition, n);
  const r = t.rows.find((x) => x.key === row);
  return r?.cells[t.columns.findIndex((c) => c.key === column)]?.value ?? null;
};

describe('printed figures', () => {
  it('reads spaced thousands, decimals, percentages and dashes', () => {
    expect(parsePrinted('1, 665, 800')).toMatchObject({ value: 1665800, percent: false, decimals: 0 });
    expect(parsePrinted('2,025.9')).toMatchObject({ value: 2025.9, decimals: 1 });
    expect(parsePrinted('103.5%')).toMatchObject({ value: 103.5, percent: true });
    expect(parsePrinted('-').value).toBeNull();
    expect(parsePrinted('—').value).toBeNull();
    expect(normalisePrinted('1, 325.5')).toBe('1,325.5');
  });
});

describe('Tables 1-5 on the real thesis', () => {
  const tables = numberedTables(edition);
  it('parses five tables with every figure', () => {
    expect(tables.map((t) => [t.n, t.rows.length, t.columns.length, cellCount(t)])).toEqual([
      [1, 22, 2, 44],
      [2, 13, 4, 49],
      [3, 13, 4, 52],
      [4, 19, 18, 342],
      [5, 12, 6, 72],
    ]);
  });
  it('keeps the printed reading and normalises it for display', () => {
    const c = tableByNumber(edition, 1).rows[0]?.cells[0];
    expect(c).toMatchObject({ printed: '1, 665, 800', display: '1,665,800', value: 1665800, line: 3445 });
    expect(value(1, '1921', 'population')).toBe(1148000);
    expect(value(2, 'total-population', '1926')).toBe(2025.9);
    expect(value(2, 'unemployed', '1931')).toBeNull();
    expect(value(3, 'metalworking', 'h-1932')).toBe(261353.3);
    expect(value(3, 'refrigerators', 'h-1927-28')).toBeNull();
    expect(value(5, '1933', 'province-total')).toBe(422179);
    expect(value(5, '1929-july', 'moscow-members')).toBe(105722);
  });
  it('makes Table 4 one table: nine conferences, counts and percentages in separate columns', () => {
    const t = tableByNumber(edition, 4);
    expect(t.blockIds).toEqual(['tbl-4', 'tbl-5']);
    expect(CONFERENCES.map((c) => c.label)).toEqual(['XIII 1/25', 'XV 1/27', 'XVI 11/27', 'XVII 3/29', 'I 9/29', 'III 1/32 MOK', 'III 1/32 MGK', 'IV 1/34 MOK', 'IV 1/34 MGK']);
    expect(t.rows.map((r) => r.key)).toEqual(['tsk', 'mk', 'raikoms', 'local', 'soviet', 'trade-unions', 'managers', 'komsomol', 'military', 'press', 'gpu', 'education', 'cell-secretaries', 'workers', 'others', 'women', 'members', 'candidates', 'total']);
    expect(CONFERENCES.map((c) => value(4, 'total', `${c.key}-n`))).toEqual([127, 177, 195, 226, 288, 184, 160, 95, 95]);
    // Women cut across the organisations: a group of their own, not the last of "By organisation".
    expect([...new Set(t.rows.map((r) => r.group))]).toEqual(['By organisation', 'Of all delegates', 'By status']);
    expect(t.rows.find((r) => r.key === 'women')?.group).toBe('Of all delegates');
    // First half: "2 1.6" is a count and a percentage.
    expect([value(4, 'tsk', 'xiii-1925-n'), value(4, 'tsk', 'xiii-1925-pct')]).toEqual([2, 1.6]);
    // The two-line label of the cell secretaries; its second line repeated the percentages.
    expect([value(4, 'cell-secretaries', 'xv-1927-n'), value(4, 'cell-secretaries', 'xv-1927-pct')]).toEqual([23, 13.0]);
    expect(t.rows.find((r) => r.key === 'cell-secretaries')?.label).toBe('Secretaries of local (factory or office level) Party cells.');
    expect(t.sources).toHaveLength(9);
    expect(t.notes.map((n) => n.marker)).toEqual(['¹', '²', '³', '⁴', '⁵', '1.', '2.', '3.']);
  });
  it('gives units, notes and sources', () => {
    expect(tableByNumber(edition, 1).sources).toEqual(['Moskva v Tsifrakh, M., 1934, p.13.']);
    expect(tableByNumber(edition, 3).sources[0]).toMatch(/^Moskva v Tsifrakh/u);
    expect(tables.every((t) => t.units.length > 10)).toBe(true);
  });

  it('says which emendations its notes and sources carry, so that the pages and the JSON can show what the thesis prints', () => {
    expect(tableByNumber(edition, 2).notes[0]).toEqual({ marker: '¹', text: 'Materialy o khozyaistve Moskvy, p.116.', emendations: [{ id: 'em-010', original: 'Moskvyy', corrected: 'Moskvy' }] });
    // Table 4 prints its sources as a list of its own: each carries its own emendations, by index.
    const t4 = tableByNumber(edition, 4);
    const emended = t4.sources.flatMap((s, i) => (t4.sourceEmendations?.[i] ?? []).map((e) => `${e.original} → ${e.corrected} in "${s.slice(0, 30)}"`));
    expect(emended).toEqual(['Moskovskays → Moskovskaya in "XIII Moscow Gubernia Conferenc"', 'Gorodskskaya → Gorodskaya in "III Moscow Oblast\' Conference "']);
    expect(t4.sourceEmendations).toHaveLength(t4.sources.length);
  });
});

describe('emendations marked in plain text', () => {
  it('links each corrected reading to its entry, once, and escapes the rest', () => {
    const html = markEmendations('XIII Moskovskaya <b> & Moskovskaya', [{ id: 'em-012', original: 'Moskovskays', corrected: 'Moskovskaya' }]);
    expect(html).toBe('XIII <a class="emend" href="/emendations/#em-012" data-original="Moskovskays" title="Emended; the thesis prints “Moskovskays”">Moskovskaya</a> &lt;b&gt; &amp; Moskovskaya');
    expect(markEmendations('no such word', [{ id: 'em-1', original: 'x', corrected: 'Moskvy' }])).toBe('no such word');
  });
});

describe('the printed arithmetic', () => {
  const flags = allTables(edition).flatMap((t) => t.flags);
  it('finds the Table 5 error: 1926 Moscow total 70,487 is not 66,225 + 24,967', () => {
    const f = flags.find((x) => x.id === 'table-5-1926-moscow-total');
    expect(f).toMatchObject({ printed: '70,487', computed: 91192, computedText: '91,192', line: 3597 });
  });
  it('finds every failed total and percentage, and only those', () => {
    expect(flags.map((f) => f.id).sort()).toEqual(
      [
        'table-2-all-employed-workers-1931',
        'table-2-total-population-1931',
        'table-2-total-population-1933',
        'table-4-others-xiii-1925-pct',
        'table-4-total-xiii-1925-n',
        'table-4-raikoms-xv-1927-pct',
        'table-4-workers-xvi-1927-pct',
        'table-4-others-xvi-1927-pct',
        'table-4-local-iv-1934-mok-pct',
        'table-4-others-iv-1934-mgk-pct',
        'table-5-1926-moscow-total',
        'table-5-1926-province-total',
        'table-5-1927-moscow-total',
        'chapter-3-tbl-2-baku-row',
      ].sort(),
    );
  });
  it('lists each flag as an editorial note that keeps the printed value and gives the computed one', () => {
    const file = JSON.parse(readFileSync(join(root, 'content/emendations/tables.json'), 'utf8')) as Emendation[];
    for (const f of flags) {
      const em = file.find((e) => e.line === f.line && e.kind === 'editorial-note' && e.original.includes(f.printed));
      expect(em, f.id).toBeDefined();
      // The printed figure is kept, only closed up where it was typed "1, 325.5" (em-223).
      expect(em?.corrected).toBe(normalisePrinted(em?.original ?? ''));
      expect(em?.reason).toContain(f.computedText);
    }
    expect(file.every((e) => /^em-2\d\d$/u.test(e.id))).toBe(true);
    expect(file.find((e) => e.id === 'em-223')).toMatchObject({ original: '1, 325.5', corrected: '1,325.5', kind: 'editorial-note' });
  });
  it('content/emendations/tables.json is what the tables call for (regenerate with src/backmatter/tools/write-table-emendations.ts)', () => {
    const file = JSON.parse(readFileSync(join(root, 'content/emendations/tables.json'), 'utf8')) as Emendation[];
    const drafts = tableEmendationDrafts(edition, toLines(readFileSync(join(root, 'content/source/thesis.txt'), 'utf8'))).map(({ flag: _f, ...e }) => e);
    const strip = (list: Omit<Emendation, 'id'>[]) => list.map((e) => JSON.stringify([e.line, e.original, e.corrected, e.kind, e.count, e.reason])).sort();
    expect(strip(file.map(({ id: _id, ...e }) => e))).toEqual(strip(drafts));
  });
});

describe('tables in the chapters and notes', () => {
  it('parses all ten, with their cells', () => {
    const t = chapterTables(edition);
    expect(t.map((x) => [x.key, cellCount(x)])).toEqual([
      ['chapter-2-ch2-1-n30-tbl-1', 6],
      ['chapter-3-tbl-1', 12],
      ['chapter-3-tbl-2', 9],
      ['chapter-3-ch3-n20-tbl-1', 6],
      ['chapter-3-ch3-n31-tbl-2', 15],
      ['chapter-3-ch3-n47-tbl-2', 6],
      ['chapter-3-ch3-n53-tbl-1', 7],
      ['chapter-5-tbl-1', 25],
      ['chapter-6-tbl-1', 35],
      ['chapter-6-tbl-2', 24],
    ]);
    expect(t.find((x) => x.key === 'chapter-3-tbl-1')?.rows.map((r) => r.group)).toEqual(["In oblast'", "In oblast'", 'In city of Moscow', 'In city of Moscow']);
  });
});

describe('note markers of the printed tables', () => {
  it('stand where the thesis prints them: on a row label, a column heading or a group heading', () => {
    const placed = numberedTables(edition).flatMap((t) => [
      ...t.columns.flatMap((c) => [...(c.notes ?? []).map((m) => `Table ${t.n} column ${c.label} ${m}`), ...(c.groupNotes ?? []).map((m) => `Table ${t.n} group ${c.group} ${m}`)]),
      ...t.rows.flatMap((r) => (r.notes ?? []).map((m) => `Table ${t.n} row ${r.key} ${m}`)),
    ]);
    expect(placed).toEqual([
      'Table 1 column Population size ²',
      'Table 3 group Investment (thousands of rubles) ²',
      'Table 4 row managers ¹',
      'Table 4 row education ²',
      'Table 4 row cell-secretaries ³',
      'Table 4 row workers ⁴',
      'Table 4 row women ⁵',
      'Table 5 row 1929-july ²',
    ]);
  });
});

describe('the tables printed in the chapters', () => {
  const inline = allTables(edition).filter((t) => t.n === null);
  it('each has its source: the note its caption or lead-in calls, or the citation in the note that explains it', () => {
    const sources = Object.fromEntries(inline.map((t) => [t.key, t.sources.map((x) => x.slice(0, 28))]));
    expect(sources).toEqual({
      'chapter-2-ch2-1-n30-tbl-1': ['Moscow figures from Izvestiy'],
      'chapter-3-tbl-1': ["III Moskovskaya oblast'naya "], // "the following figures were quoted¹⁰:"
      'chapter-3-tbl-2': ['Iz TsK, 20/6/1928.'],
      'chapter-3-ch3-n20-tbl-1': ['Figures for Moscow from Mosk'], // not the sentence explaining the oblast' figure
      'chapter-3-ch3-n31-tbl-2': ['E. Smitten, Sostav VKP(b) po'],
      'chapter-3-ch3-n47-tbl-2': ['SK, no.3, 1930.'],
      'chapter-3-ch3-n53-tbl-1': ['SK, 1928, No. 12.'],
      'chapter-5-tbl-1': ['E. Smitten, Sostav Vsesoyuzn'],
      'chapter-6-tbl-1': ["Bol'shevik 1929, No. 8."],
      'chapter-6-tbl-2': ['SK Oct 1927, nos. 19-20, p 9'],
    });
    expect(inline.find((t) => t.key === 'chapter-5-tbl-1')?.notes[0]?.marker).toBe('⁵');
  });
  it('quotes a caption without doubling its full stop', () => {
    for (const t of inline) expect(t.editorial.join(' ')).not.toMatch(/[.?!]”\./u);
  });
});

describe('downloads', () => {
  it('the CSV holds the rows and columns of the table, one header row, figures as plain numbers', () => {
    const t = tableByNumber(edition, 5);
    const lines = tableCsv(t).trimEnd().split('\r\n');
    expect(lines).toHaveLength(t.rows.length + 1);
    expect(lines[0]).toBe(columnHeaders(t).join(','));
    expect(lines[3]).toBe('1926,66225,24967,70487,83915,37976,121711');
    // Table 1: "1, 665, 800" and "103.5%" as numbers, the percentage column saying so, a dash as nothing.
    const t1 = tableCsv(tableByNumber(edition, 1)).split('\r\n');
    expect(t1.slice(0, 3)).toEqual(['Year,Population size,Percentage of previous year (%)', '1913,1665800,', '1914,1724800,103.5']);
    // Decimals as printed: Table 4's "13.0" stays 13.0.
    expect(tableCsv(tableByNumber(edition, 4))).toMatch(/,13\.0,/u);
    expect(tableGrid(tableByNumber(edition, 3))[0]?.slice(0, 3)).toEqual(['', 'Total in Moscow', '83,373.1']);
  });
});

describe('charts', () => {
  it('draws one mark per figure shown', () => {
    expect(numberedTables(edition).map((t) => [t.n, chartForTable(t).kind, markCount(chartForTable(t))])).toEqual([
      [1, 'line', 22],
      [2, 'stacked-bar', 31],
      [3, 'grouped-bar', 29],
      [4, 'stacked-bar', 115],
      [5, 'line', 48],
    ]);
  });
});
