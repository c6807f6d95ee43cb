import { describe, expect, it } from 'vitest';
import { describeResult, groupResults, noteTitle, type ResultData } from '../../../src/search/results.ts';
import type { SearchOutline } from '../../../src/search/records.ts';

const outline: SearchOutline = {
  sections: { 'chapter-2': 'Chapter 2', 'chapter-3': 'Chapter 3', glossary: 'Glossary', tables: 'Tables' },
  headings: { 'chapter-2': [['part-1', '1. The Left'], ['the-new-opposition-of-1925', "The 'New Opposition' of 1925."]], 'chapter-3': [], glossary: [] },
  ia: {},
};
const para = (url: string, meta: Record<string, string>): ResultData => ({ url, excerpt: '', meta, filters: { kind: ['text'] } });
const note = (url: string, meta: Record<string, string>): ResultData => ({ url, excerpt: '', meta, filters: { kind: ['note'] } });

describe('result titles', () => {
  it('titles a note with its place, from its id', () => {
    expect(noteTitle('ch2.3-n15')).toBe('Chapter 2, part 3, note 15');
    expect(noteTitle('intro-n16')).toBe('Introduction, note 16');
    expect(noteTitle('table-1-n2')).toBe('Table 1, note 2');
    expect(noteTitle('app-2-n3')).toBe('Appendix 2, note 3');
    expect(describeResult(note('/chapter-2/#ch2.3-n15', { page: '102' }), outline)).toMatchObject({ isNote: true, title: 'Chapter 2, part 3, note 15', place: 'Chapter 2, part 3, note 15 (thesis p. 102)' });
  });

  it('titles a paragraph with its section and heading, and a glossary row with its term', () => {
    expect(describeResult(para('/chapter-2/#para-30', { h: '1', page: '57–58' }), outline)).toMatchObject({
      isNote: false,
      title: "Chapter 2 › The 'New Opposition' of 1925.",
      place: "Chapter 2 › The 'New Opposition' of 1925. (thesis pp. 57–58)",
      headingUrl: '/chapter-2/#the-new-opposition-of-1925',
    });
    expect(describeResult(para('/chapter-3/#para-1', {}), outline)).toMatchObject({ title: 'Chapter 3', headingUrl: '/chapter-3/' });
    expect(describeResult(para('/glossary/#term-raikom', { title: 'raikom' }), outline).title).toBe('Glossary: raikom');
  });
});

describe('results list', () => {
  it('lists notes alone and gathers paragraphs under their heading', () => {
    const groups = groupResults(
      [
        para('/chapter-2/#para-3', { h: '0', page: '50' }),
        note('/chapter-2/#ch2.1-n6', { page: '60' }),
        para('/chapter-2/#para-9', { h: '0', page: '52' }),
        para('/chapter-3/#para-1', { page: '90' }),
      ].map((d) => describeResult(d, outline)),
    );
    expect(groups.map((g) => [g.title, g.url, g.items.length, g.isNote])).toEqual([
      ['Chapter 2 › 1. The Left', '/chapter-2/#part-1', 2, false],
      ['Chapter 2, part 1, note 6 (thesis p. 60)', '/chapter-2/#ch2.1-n6', 1, true],
      ['Chapter 3 (thesis p. 90)', '/chapter-3/#para-1', 1, false],
    ]);
  });
});
