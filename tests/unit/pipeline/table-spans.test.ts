import { describe, expect, it } from 'vitest';
import { headerSpans } from '../../../src/pipeline/table-spans.ts';
import { parseInline, inlineText } from '../../../src/pipeline/inline.ts';
import type { Inline, TableBlock } from '../../../src/pipeline/model.ts';
import { renderBlock } from '../../../src/render/blocks-html.ts';
import { fixture, realEdition } from './helpers.ts';

/** Header rows of a fixture as the structure stage cuts them: one cell per tab, padded to the width. */
function rows(name: string, first: number, count: number, width: number): Inline[][][] {
  return fixture(name, first)
    .slice(0, count)
    .map((l) => {
      const cells = l.text.split('\t').map((c) => parseInline(c, l.n));
      while (cells.length < width) cells.push([]);
      return cells;
    });
}

describe('headings typed across several columns', () => {
  it('a group heading followed by empty cells spans the columns the row below labels (Table 5)', () => {
    expect(headerSpans(rows('table-5-headings.txt', 3593, 2, 7), 7)).toEqual([
      [1, 3, 0, 0, 3, 0, 0],
      [1, 1, 1, 1, 1, 1, 1],
    ]);
  });

  it('"III 1/32 MOK MGK" over two columns, so the headings fit the nine columns of figures (Table 4, first half)', () => {
    const head = rows('table-4-headings.txt', 3515, 3, 10);
    const spans = headerSpans(head, 10)!;
    expect(spans[1]).toEqual([1, 1, 1, 1, 1, 1, 2, 2, 0, 0]);
    // "Conference" spans every column the headings below it cover, after their own spans.
    expect(spans[0]).toEqual([1, 9, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(spans[2]).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('keeps every span at 1 where no rule fits', () => {
    const plain = (cells: string[]): Inline[][] => cells.map((v) => (v ? [{ t: 'text', v }] : []));
    expect(headerSpans([plain(['', 'Workers', 'Peasants', 'White collar workers'])], 4)).toBeNull();
    // Trailing labels that would not fill the width exactly are left alone.
    expect(headerSpans([plain(['', 'III 1/32 MOK MGK', 'X'])], 5)).toBeNull();
  });

  it('renders spans as colspan, and leaves out the cells they cover', () => {
    const head = rows('table-5-headings.txt', 3593, 2, 7);
    const table: TableBlock = { kind: 'table', id: 't', caption: null, captionLine: null, headRows: head, headSpans: headerSpans(head, 7)!, bodyRows: [], lines: [3593, 3594], scope: null };
    const html = renderBlock(table);
    expect(html).toContain('<th colspan="3" scope="colgroup">In Moscow</th><th colspan="3" scope="colgroup">In the Moscow province as a whole</th></tr>');
    expect((/<thead><tr>(.*?)<\/tr>/u.exec(html)?.[1]?.match(/<th/gu) ?? []).length).toBe(3);
  });

  it('in the real thesis: the tables whose headings span columns, and Chapter 3\'s "In oblast\'" as a group of rows, not a heading', () => {
    const edition = realEdition();
    const tables = edition.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [{ s: s.id, b }] : b.kind === 'notes' ? b.notes.flatMap((n) => n.extra.filter((x): x is TableBlock => x.kind === 'table').map((x) => ({ s: s.id, b: x }))) : [])));
    const spanning = tables.filter(({ b }) => b.headSpans).map(({ s, b }) => `${s} ${b.id}`);
    expect(spanning).toEqual(['chapter-3 ch3-n20-tbl-1', 'chapter-5 tbl-1', 'chapter-6 tbl-1', 'chapter-6 tbl-2', 'tables tbl-3', 'tables tbl-4', 'tables tbl-5', 'tables tbl-6']);
    const ch3 = tables.find(({ s, b }) => s === 'chapter-3' && b.id === 'tbl-1')!.b;
    expect(ch3.headRows.map((r) => r.map((c) => inlineText(c)))).toEqual([['', 'Workers', 'Peasants', 'White collar workers']]);
    expect(ch3.bodyRows.map((r) => inlineText(r[0] ?? []))).toEqual(["In oblast'", '1/1/1931', '1/1/1932', 'In city of Moscow', '1/1/1931', '1/1/1932']);
  });
});
