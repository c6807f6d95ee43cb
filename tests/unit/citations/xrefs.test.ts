import { describe, expect, it } from 'vitest';
import { crossReferenceReport, crossReferences, pageItems } from '../../../src/citations/xrefs.ts';
import { realEdition } from './edition.ts';

const all = crossReferences(realEdition());
const inBlock = (block: string) => all.filter((x) => x.context.block === block).map((x) => [x.text, x.href]);

describe('cross-references to the thesis’s own pages and items', () => {
  it('"cited below, p. 108" (intro n. 57) → the page anchor in Chapter 2', () => {
    expect(inBlock('intro-n57')).toEqual([['p. 108', '/chapter-2/#page-108']]);
  });

  it('"See Table 1, p. 257" → the table and its page', () => {
    expect(inBlock('intro-n32')).toEqual([
      ['Table 1', '/tables/#table-1'],
      ['p. 257', '/tables/#page-257'],
    ]);
  });

  it('"see map 1", "See appendix 1, pp. 264-272", "Diagram 4 (p. 256)"', () => {
    expect(inBlock('intro-n25')).toEqual([['map 1', '/maps/#map-1']]);
    expect(inBlock('ch1-n36')[0]).toEqual(['appendix 1', '/appendices/#appendix-1']);
    expect(inBlock('ch1-n87')).toContainEqual(['Diagram 4', '/diagrams/#diagram-4']);
  });

  it('"see Chapter 3, pp. 131-2" → the chapter and the page anchor inside it', () => {
    expect(inBlock('intro-n34')).toEqual([
      ['Chapter 3', '/chapter-3/'],
      ['pp. 131-2', '/chapter-3/#page-131'],
    ]);
  });

  it('"the glossary of Russian terms, pp. 277-8" → the Glossary', () => {
    expect(inBlock('intro-n24')).toEqual([['glossary of Russian terms, pp. 277-8', '/glossary/']]);
  });

  it('a list of pages links each page: "above, pp. 48, 142, 172-3 and 202"', () => {
    expect(inBlock('ch6-n69').map(([t]) => t)).toEqual(['pp. 48', '142', '172-3', '202']);
    expect(pageItems('pp. 55 and 59-60', 10).map((p) => p.page)).toEqual([55, 59]);
  });

  it("a page of the maps and diagrams links to its reconstructed page, which starts at the figure the note names", () => {
    // The maps and diagrams have no footnotes; each figure began a page (pagination.ts, figurePageStarts).
    // The thesis's own references agree: map 3 on p. 249, diagram 2 on p. 253, diagram 3 on pp. 254-5, diagram 4 on p. 256.
    const byPage = (block: string, page: number) => all.find((x) => x.context.block === block && x.kind === 'page' && x.page === page);
    const ed = realEdition();
    const figureAt = (slug: string, anchor: string): string | undefined => {
      const s = ed.sections.find((x) => x.slug === slug);
      const i = s?.blocks.findIndex((b) => b.kind === 'pagebreak' && b.id === anchor) ?? -1;
      const next = i >= 0 ? s?.blocks[i + 1] : undefined;
      return next?.kind === 'heading' ? next.id : undefined;
    };
    const cases: [string, number, string, string][] = [
      ['ch1-n26', 249, '/maps/#page-249', 'map-3'], // "See map 3, p. 249"
      ['ch1-n87', 256, '/diagrams/#page-256', 'diagram-4'], // "Diagram 4 (p. 256)"
      ['ch1-n106', 253, '/diagrams/#page-253', 'diagram-2'],
      ['ch1-n107', 254, '/diagrams/#page-254', 'diagram-3'], // "diagram 3, pp. 254-5"
    ];
    for (const [block, page, href, figure] of cases) {
      expect(byPage(block, page)?.href, block).toBe(href);
      const [slug, anchor] = href.slice(1).split('/#') as [string, string];
      expect(figureAt(slug, anchor), block).toBe(figure);
    }
    // Map 3's heading began p. 249 (a known start); p. 255, in Diagram 3's key, is placed by length.
    expect(byPage('ch1-n26', 249)?.note).toMatch(/^original page 249, in maps/u);
    // A page that has its own marker keeps it: the Conclusion's p. 245.
    expect(all.find((x) => x.context.block === 'ch2.3-n20' && x.page === 245)?.href).toBe('/conclusion/#page-245');
  });

  it('a bare "See pp. 223-4." is the thesis\'s own pages (ch3 n108)', () => {
    expect(inBlock('ch3-n108')).toEqual([['pp. 223-4', '/chapter-6/#page-223']]);
  });

  it('a book’s own tables and chapters are not cross-references', () => {
    expect(inBlock('ch1-n116')).toEqual([]); // "…organizatsiya, table 15, p. 158"
    expect(inBlock('ch1-n72')).toEqual([]); // "Khrushchev Remembers, Chapter 2"
    expect(inBlock('ch1-n15')).toEqual([]); // "Davydova, op. cit., introduction, p. 56"
    expect(inBlock('ch2.1-n86')).toEqual([]); // "Chase, op. cit., esp. Chapter 5." (Chase's chapter)
  });

  it('reports what it could not resolve', () => {
    const r = crossReferenceReport(realEdition());
    expect(r.total).toBeGreaterThanOrEqual(130);
    expect(r.unresolved).toEqual([{ where: 'chapter-3#ch3-n20-p2', text: 'appendix 6', note: 'there is no appendix 6 in the thesis' }]);
  });
});

describe('references without a number or page', () => {
  const refs = crossReferences(realEdition());
  const at = (block: string) => refs.filter((x) => x.context.block === block).map((x) => [x.text, x.href]);

  it('links "See introduction.", "As we saw in the introduction" and "the introductory chapter" to the Introduction', () => {
    expect(at('ch3-n42')).toEqual([['introduction', '/introduction/']]);
    const concl = refs.filter((x) => x.context.section === 'conclusion' && x.context.kind === 'paragraph' && x.kind === 'introduction').map((x) => x.text);
    expect(concl).toEqual(expect.arrayContaining(['introductory chapter', 'introduction']));
  });

  it('links "the next chapter" to the chapter after the one it is in', () => {
    // The end of Chapter 5: "In the next chapter, the justice of this criticism will be…".
    expect(refs.filter((x) => x.text === 'next chapter').map((x) => [x.context.section, x.href])).toEqual([['chapter-5', '/chapter-6/']]);
  });

  it('links "See footnote 1" in a note to note 1 of the same numbering (Table 4, notes 3 and 4)', () => {
    const foot = refs.filter((x) => x.kind === 'note');
    expect(foot.map((x) => [x.context.block, x.href])).toEqual([
      ['table-4-n3', '/tables/#table-4-n1'],
      ['table-4-n4', '/tables/#table-4-n1'],
    ]);
  });

  it('leaves another book\'s introduction alone ("Davydova, op. cit., introduction, p. 56")', () => {
    expect(at('ch1-n15')).toEqual([]);
  });
});
