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

  it('a page with no marker of its own goes to the map or diagram it prints', () => {
    // The maps and diagrams have no footnotes, so only their first pages (247, 250) are marked.
    const byPage = (block: string, page: number) => all.find((x) => x.context.block === block && x.kind === 'page' && x.page === page);
    expect(byPage('ch1-n26', 249)).toMatchObject({ text: 'p. 249', href: '/maps/#map-3' }); // "See map 3, p. 249"
    expect(byPage('ch1-n26', 249)?.note).toMatch(/has no marker; it prints map 3/u);
    expect(byPage('ch1-n87', 256)?.href).toBe('/diagrams/#diagram-4'); // "Diagram 4 (p. 256)"
    expect(byPage('ch1-n106', 253)?.href).toBe('/diagrams/#diagram-2');
    expect(byPage('ch1-n107', 254)?.href).toBe('/diagrams/#diagram-3'); // "diagram 3, pp. 254-5"
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
