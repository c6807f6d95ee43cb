import { describe, expect, it } from 'vitest';
import { citeableParagraphs, openingWords } from '../../../src/citations/paragraphs.ts';
import { formatCitations } from '../../../src/citations/cite.ts';
import { realEdition } from '../pipeline/helpers.ts';

const edition = realEdition();

describe('paragraphs to cite', () => {
  it('opening words leave out note markers and say when they are cut', () => {
    expect(openingWords('the growth of its viability, its deepest links with the masses¹ and the confidence of these masses', 8)).toBe('the growth of its viability, its deepest links …');
    expect(openingWords('Short and whole.²', 8)).toBe('Short and whole.');
  });

  it('every prose paragraph and list item of every chapter, once, in order, with its pages, numbered as its anchor', () => {
    for (const s of edition.sections.filter((x) => x.kind === 'chapter')) {
      const prose = s.blocks.flatMap((b) => (b.kind === 'paragraph' && b.style !== 'line' ? [b] : []));
      const cited = citeableParagraphs(s);
      expect(cited.map((p) => p.id)).toEqual(prose.map((b) => b.id));
      expect(cited.map((p) => `para-${p.n}`)).toEqual(cited.map((p) => p.id));
    }
    // Chapter 1's numbered clauses of the Party rules (para-4 to para-7, para-9 to para-12) can be cited.
    const ch1 = citeableParagraphs(edition.sections.find((s) => s.id === 'chapter-1')!);
    expect(ch1.slice(0, 14).map((p) => p.n)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    for (const s of edition.sections.filter((x) => x.kind === 'chapter')) {
      const cited = citeableParagraphs(s);
      for (const p of cited) expect(p.pages.length).toBeGreaterThan(0);
    }
  });

  it('a paragraph cut by a page end is cited with both pages, under its heading', () => {
    const ch3 = edition.sections.find((s) => s.id === 'chapter-3');
    const across = citeableParagraphs(ch3!).find((p) => p.pages.length > 1);
    expect(across).toBeDefined();
    expect(across!.pages[1]).toBe(across!.pages[0]! + 1);
    const c = formatCitations({ sectionLabel: 'Chapter 3', sectionTitle: ch3!.titleText, firstPage: ch3!.firstPage, lastPage: ch3!.lastPage, pages: across!.pages, paragraphId: across!.id, url: `https://example.org/chapter-3/#${across!.id}` });
    expect(c.chicago).toContain(`${across!.pages[0]}–${across!.pages[1]}`);
    // The reader's number (¶ 3), not the anchor's id.
    expect(c.ris).toContain(`N1  - Paragraph ${across!.n}`);
    expect(c.chicago).toContain(`Chapter 3, paragraph ${across!.n} of`);
    expect(citeableParagraphs(ch3!).find((p) => p.heading !== null)?.heading).toMatch(/Composition of the Moscow Party Organisation/u);
  });
});
