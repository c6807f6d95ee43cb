import { describe, expect, it } from 'vitest';
import { linesToDrafts, type Draft } from '../../../src/pipeline/drafts.ts';
import { inlineText } from '../../../src/pipeline/inline.ts';
import type { Block, Inline, Section } from '../../../src/pipeline/model.ts';
import { NOTE_WEIGHT, OVERFULL, breakOffsets, figurePageStarts, pageStartsIn, rowPageStarts, pagesPerStretch, stretches, visiblePageEnd } from '../../../src/pipeline/pagination.ts';
import { fixture, realEdition } from './helpers.ts';

describe('pages without footnotes, placed by length', () => {
  it('cuts drafts into stretches at each block of notes followed by text, notes weighed at half', () => {
    const parts = stretches(linesToDrafts(fixture('note-block-splits-sentence.txt', 75)));
    expect(parts.length).toBe(3);
    expect(parts.map((p) => p.textWords)).toEqual([0, expect.any(Number), expect.any(Number)]);
    expect(parts[0]?.load).toBeGreaterThan(0);
    expect(parts[0]!.load).toBeLessThan(parts[0]!.load / NOTE_WEIGHT);
  });

  it('ends a stretch where a page without notes broke off in mid-sentence, not where a sentence runs into a quotation (fixtures)', () => {
    const intro = linesToDrafts(fixture('page-end-without-notes.txt', 305));
    expect(stretches(intro).length).toBe(2);
    const withEnds = stretches(intro, { visibleEnds: true });
    expect(withEnds.length).toBe(3);
    expect(withEnds[2]?.startsAtVisibleEnd).toBe(true);
    const resumed = intro[withEnds[2]!.from]!;
    expect(resumed.k === 'text' && resumed.line.n).toBe(325);
    // The quotation's break looks the same, but the page it would end carries note 41's marker.
    const quote = linesToDrafts(fixture('quotation-set-off.txt', 1241));
    const at = quote.findIndex((d) => d.k === 'text' && d.line.n === 1259);
    expect(visiblePageEnd(quote[at - 1], quote[at]!)).toBe(true);
    expect(stretches(quote, { visibleEnds: true }).map((x) => x.startsAtVisibleEnd)).toEqual(stretches(quote).map(() => false));
  });

  it('gives the missing pages to the fullest stretches, one at a time, and only to clearly overfull ones', () => {
    expect(pagesPerStretch([340, 350, 1044, 330, 691, 360], 3)).toEqual([1, 1, 3, 1, 2, 1]);
    expect(pagesPerStretch([340, 350, 827, 330, 741, 360, 609], 3)).toEqual([1, 1, 2, 1, 2, 1, 2]);
    // Pages the lengths cannot justify stay unplaced (a fixture cut from a long section).
    expect(pagesPerStretch([340, 350, 360, 330], 5)).toEqual([1, 1, 1, 1]);
    expect(pagesPerStretch([340, 350 * OVERFULL + 100, 330], 1)).toEqual([1, 2, 1]);
    expect(pagesPerStretch([900, 300], 1)).toEqual([1, 1]);
    expect(pagesPerStretch([340, 350, 360], 0)).toEqual([1, 1, 1]);
  });

  it('shares a stretch\'s load evenly between its pages', () => {
    expect(breakOffsets({ from: 0, to: 1, textWords: 1000, load: 1044, markerFree: 1000, startsAtVisibleEnd: false }, 3)).toEqual([348, 696]);
    expect(breakOffsets({ from: 0, to: 1, textWords: 300, load: 900, markerFree: 300, startsAtVisibleEnd: false }, 2)).toEqual([299]);
    // Never after the first marker: the pages before the last had no notes.
    expect(breakOffsets({ from: 0, to: 1, textWords: 487, load: 533, markerFree: 238, startsAtVisibleEnd: false }, 2)).toEqual([238]);
  });

  it('moves the break nearest a known page start there, and shares the load evenly on either side of it', () => {
    const stretch = { from: 0, to: 1, textWords: 1500, load: 1600, markerFree: 1500, startsAtVisibleEnd: false };
    expect(breakOffsets(stretch, 5)).toEqual([320, 640, 960, 1280]);
    // A part heading 250 words in: the first page ends there, the other four share the rest.
    expect(breakOffsets(stretch, 5, [250])).toEqual([250, 588, 925, 1263]);
    // Pinned nearest the third break: two pages share the words before it, two the rest.
    expect(breakOffsets(stretch, 5, [900])).toEqual([300, 600, 900, 1250]);
    // Not at the stretch's start (a page starts there anyway) nor after its first marker.
    expect(breakOffsets(stretch, 5, [0])).toEqual([320, 640, 960, 1280]);
    expect(breakOffsets({ ...stretch, markerFree: 800 }, 3, [900])).toEqual([533, 800]);
  });

  it('starts a page at the nearest end of a sentence, keeping every character', () => {
    const content: Inline[] = [
      { t: 'text', v: 'One two three. Four five six seven.' },
      { t: 'em', c: [{ t: 'text', v: 'Pravda' }] },
      { t: 'text', v: ' said so. Eight nine ten eleven twelve. Thirteen.' },
    ];
    const before = inlineText(content);
    // Word 4 is nearest "Four" (3 words before it); word 9 nearest "Eight" (10).
    expect(pageStartsIn(content, [4, 9], false)).toEqual([1, 4]);
    expect(inlineText(content)).toBe(before);
    expect(content.map((n) => (n.t === 'text' ? n.v : `[${n.t}]`))).toEqual(['One two three. ', 'Four five six seven.', '[em]', ' said so. ', 'Eight nine ten eleven twelve. Thirteen.']);
    // Not after a note marker, whose note was printed on the marker's own page.
    const marked: Inline[] = [
      { t: 'text', v: 'One two three. Four five.' },
      { t: 'ref', noteId: 'x-n1', refId: 'x-n1-ref', n: 1, line: 1 },
      { t: 'text', v: ' Six seven eight. Nine ten.' },
    ];
    expect(pageStartsIn(marked, [6], false)).toEqual([1]);
    expect(pageStartsIn([{ t: 'ref', noteId: 'x-n2', refId: 'x-n2-ref', n: 2, line: 1 }, { t: 'text', v: ' Six seven eight. Nine ten.' }], [3], false)).toEqual([]);
    // A page may start before the paragraph itself when that is nearest (not right after notes).
    expect(pageStartsIn([{ t: 'text', v: 'Alpha beta gamma delta. Epsilon.' }], [0], true)).toEqual([0]);
    // Initials and abbreviations are not sentence ends.
    expect(pageStartsIn([{ t: 'text', v: 'Seen by D. A. Hughes and by J. Smith in vol. I of it' }], [4], false)).toEqual([]);
  });
});

/** The text of each original page, as the edition reconstructs it. */
function pageTexts(sections: readonly Section[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const s of sections) {
    let page: number | null = null;
    const add = (text: string): void => {
      if (page !== null) out.set(page, (out.get(page) ?? '') + text + ' ');
    };
    const walk = (b: Block): void => {
      if (b.kind === 'pagebreak') page = b.page;
      else if (b.kind === 'heading') add(inlineText(b.content));
      else if (b.kind === 'paragraph') {
        let from = 0;
        for (const inside of b.pageBreaksInside) {
          add(inlineText(b.content.slice(from, inside.afterInline)));
          page = inside.page;
          from = inside.afterInline;
        }
        add(inlineText(b.content.slice(from)));
      }
    };
    s.blocks.forEach(walk);
  }
  return out;
}

describe('the real thesis', () => {
  const edition = realEdition();
  const texts = pageTexts(edition.sections.filter((s) => s.kind === 'chapter' || s.id === 'introduction' || s.id === 'conclusion'));

  it('has every page the table of contents gives, in order, in every section its notes paginate', () => {
    for (const s of edition.sections.filter((x) => x.firstPage !== null && x.lastPage !== null && x.blocks.some((b) => b.kind === 'notes'))) {
      const pages = s.blocks.flatMap((b) => (b.kind === 'pagebreak' ? [b.page] : b.kind === 'paragraph' ? b.pageBreaksInside.map((p) => p.page) : []));
      const expected = Array.from({ length: (s.lastPage as number) - (s.firstPage as number) + 1 }, (_, i) => (s.firstPage as number) + i);
      expect(pages, s.id).toEqual(expected);
    }
  });

  it('puts every note marker on the page its note was printed on (pages without notes have no markers)', () => {
    const wrong: string[] = [];
    let markers = 0;
    for (const s of edition.sections) {
      const printedOn = new Map(s.blocks.flatMap((b) => (b.kind === 'notes' ? b.notes.map((n) => [n.id, n.page] as const) : [])));
      let page: number | null = null;
      for (const b of s.blocks) {
        if (b.kind === 'pagebreak') page = b.page;
        if (b.kind !== 'paragraph' && b.kind !== 'heading') continue;
        const breaks = b.kind === 'paragraph' ? b.pageBreaksInside : [];
        b.content.forEach((node, i) => {
          for (const inside of breaks) if (inside.afterInline === i) page = inside.page;
          if (node.t !== 'ref') return;
          markers++;
          if (printedOn.get(node.noteId) !== page) wrong.push(`${node.noteId}: marker on p. ${page}, note on p. ${printedOn.get(node.noteId)}`);
        });
        for (const inside of breaks) if (inside.afterInline >= b.content.length) page = inside.page;
      }
    }
    expect(markers).toBeGreaterThan(800);
    expect(wrong).toEqual([]);
  });

  it('begins each of Chapter 2\'s parts 2-4, which number their own notes, on a new page: 77, 105 and (placed by that rule) 114', () => {
    const blocks = edition.sections.find((x) => x.id === 'chapter-2')!.blocks;
    const pageBefore = (id: string): number | null => {
      const at = blocks.findIndex((b) => b.kind === 'heading' && b.id === id);
      const before = blocks[at - 1];
      return before?.kind === 'pagebreak' ? before.page : null;
    };
    expect(['part-2', 'part-3', 'part-4'].map(pageBefore)).toEqual([77, 105, 114]);
    // Chapter 1's parts share the chapter's notes and begin in mid-page.
    const ch1 = edition.sections.find((x) => x.id === 'chapter-1')!.blocks;
    expect(ch1[ch1.findIndex((b) => b.kind === 'heading' && b.id === 'part-2') - 1]?.kind).toBe('paragraph');
  });

  it('puts Table 5 on p. 263, after Table 4\'s "pp. 260-2" (Chapter 1, n. 27)', () => {
    const tables = edition.sections.find((x) => x.id === 'tables')!;
    let page: number | null = null;
    const at = new Map<string, number | null>();
    for (const b of tables.blocks) {
      if (b.kind === 'pagebreak') page = b.page;
      if (b.kind === 'heading') at.set(inlineText(b.content).slice(0, 7), page);
    }
    expect([at.get('Table 4'), at.get('Table 5')]).toEqual([260, 263]);
  });

  // The thesis's own cross-references say on which page a subject is discussed: the reconstruction
  // must put it there (counting only blocks of notes, each of these landed one to four pages early).
  it.each([
    ["Chapter 2, n. 57 of the Introduction: 'the Podol'sk incident of 1929, is cited below, p. 108'", 108, "Podol'sk"],
    ["Chapter 1, n. 35: Bauman's orgraspredotdel, 'See below, p. 94'", 94, 'orgraspredotdel'],
    ["Chapter 2.2, n. 64: 'A \"Rightist\" group persisted here until 1930. See below, pp. 114-5'", 114, 'Rightist'],
    ["Chapter 2.1, n. 72: Uglanov as bureaucrat, 'See below, pp. 83-4'", 84, 'Uglanovshchina'],
    ["Chapter 3, n. 104: the neglect of 'educational work', 'See below, p. 185'", 185, 'neglect'],
    ["Chapter 2.3, n. 20: volunteers for collectivisation, 'see conclusion, p. 245'", 245, 'collectivisation'],
    ["Chapter 2.1, n. 19: 'Kamenev's speech at the XIV Party Congress in December 1925. See below, p. 63'", 63, 'whose speech of 21 December'],
    ["Chapter 2.2, n. 23 and 2.3, n. 2: Bauman's line against Uglanov's, 'See above, p.74'", 74, 'Bauman'],
    ["Chapter 6, n. 101: Mandel'shtam and the word 'deviation' in Chapter 2, 'See above, p. 101'", 101, "Mandel'shtam"],
  ])('%s', (_, page, subject) => {
    expect(texts.get(page) ?? '').toContain(subject);
  });
});

describe('pages of the parts made of figures (Maps, Diagrams)', () => {
  const text = (t: string, n: number): Draft => ({ k: 'text', line: { n, text: t, col: 0, fusedHeading: false } });

  it('starts a page at each figure heading, and gives a page left over to the figure with the most words per page', () => {
    const drafts = [text('Map 1', 1), text('Moscow in 1925-Raion Boundaries.', 2), text('Map2', 3), text('Moscow in 1930: the new Raion Boundaries.', 4), text('Map3', 5), text("The Moscow Oblast' in 1930.", 6)];
    expect(figurePageStarts(drafts, 3)).toEqual([2, 4]);
    const long = [text('Diagram 1: A', 1), text('Diagram 1 (Continued)', 2), text('Diagram 2: B', 3), text('Key: one two three four five six seven eight nine ten', 4), text('eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty', 5), text('Diagram 3', 6)];
    expect(figurePageStarts(long, 5)).toEqual([1, 2, 4, 5]);
    // No page to spare: one page per figure heading, however long.
    expect(figurePageStarts(long, 4)).toEqual([1, 2, 5]);
  });

  it('leaves parts with notes, or that do not open with a figure, to the other rules', () => {
    expect(figurePageStarts([text('Map 1', 1), { k: 'notes', notes: [] }, text('Map 2', 3)], 2)).toEqual([]);
    expect(figurePageStarts([text('Some text first.', 1), text('Map 1', 2), text('Map 2', 3)], 2)).toEqual([]);
    expect(figurePageStarts([text('Map 1', 1), text('caption', 2)], 1)).toEqual([]);
  });

  it("puts pp. 248-249 at Maps 2 and 3, pp. 251-256 at the diagrams and their continuations, p. 263 at Table 5; only the page left over is marked approximate, the figures' and tables' headings being known page starts", () => {
    const ed = realEdition();
    const pagesBefore = (sectionId: string): [number, string, boolean][] => {
      const s = ed.sections.find((x) => x.id === sectionId);
      if (!s) throw new Error(sectionId);
      return s.blocks.flatMap((b, i) => {
        if (b.kind !== 'pagebreak') return [];
        const next = s.blocks[i + 1];
        return [[b.page, next && 'id' in next ? next.id : '', b.approximate] as [number, string, boolean]];
      });
    };
    expect(pagesBefore('maps')).toEqual([[247, 'map-1', false], [248, 'map-2', false], [249, 'map-3', false]]);
    expect(pagesBefore('diagrams')).toEqual([
      [250, 'diagram-1', false],
      [251, 'diagram-1-2', false],
      [252, 'diagram-1-3', false],
      [253, 'diagram-2', false],
      [254, 'diagram-3', false],
      [255, 'para-9', true],
      [256, 'diagram-4', false],
    ]);
    expect(ed.pageMap.filter((p) => p.page >= 247 && p.page <= 256).map((p) => p.page)).toEqual([247, 248, 249, 250, 251, 252, 253, 254, 255, 256]);
    // Each of Tables 1-5 begins a page: Table 5 on p. 263, not part-way down Table 4's sources.
    expect(pagesBefore('tables')).toEqual([
      [257, 'table-1', false],
      [258, 'table-2', false],
      [259, 'table-3', false],
      [260, 'table-4', false],
      [261, 'tbl-5', false],
      [262, 'para-2', false],
      [263, 'table-5', false],
    ]);
    expect(ed.sections.find((x) => x.id === 'diagrams')?.paginationNote).toMatch(/seven pages for six figure headings; the page left over is placed by length, in the figure with the most text, so where p\. 255 began is estimated \(marked ≈\)\.$/u);
    expect(ed.sections.find((x) => x.id === 'tables')?.paginationNote).toMatch(/P\. 262 had no footnotes; the page after it begins with a table's heading, and each table began a page\. So the page numbers are exact\.$/u);
  });
});

describe('pages of a part that is one table with no notes (the Glossary)', () => {
  it('starts each further page at the row where the words pass its share', () => {
    expect(rowPageStarts([10, 10, 10, 10], 2)).toEqual([2]);
    expect(rowPageStarts([30, 5, 5, 5, 5], 2)).toEqual([1]);
    expect(rowPageStarts([10, 10, 10, 10, 10, 10], 3)).toEqual([2, 4]);
    expect(rowPageStarts([10, 10], 1)).toEqual([]);
  });

  it('puts p. 278 inside the Glossary, so the page map has every page from 1 to 280', () => {
    const ed = realEdition();
    const glossary = ed.sections.find((s) => s.id === 'glossary')!;
    const table = glossary.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' ? table.pageBreaksInside : null).toEqual([{ beforeRow: expect.any(Number), page: 278, approximate: true }]);
    expect(glossary.paginationNote).toMatch(/placed by length/u);
    const pages = new Set(ed.pageMap.map((p) => p.page));
    expect(Array.from({ length: 280 }, (_, i) => i + 1).filter((p) => !pages.has(p))).toEqual([]);
    expect(ed.pageMap.find((p) => p.page === 278)).toMatchObject({ section: 'glossary', anchor: 'page-278', approximate: true });
  });
});
