import { describe, expect, it } from 'vitest';
import { normaliseQuery } from '../../../src/search/query.ts';
import { respell, thesisSpelling } from '../../../src/search/spelling.ts';
import { withHighlight } from '../../../src/search/highlight.ts';

describe('query normaliser', () => {
  it('turns a reference alone into a filter with no words', () => {
    expect(normaliseQuery('7952/3/253')).toEqual({ text: null, refs: ['7952/3/253'], highlight: ['7952/3/253'], respelled: [] });
    expect(normaliseQuery(' T 2850 ').refs).toEqual(['T 2850']);
  });

  it('keeps words, and highlights them', () => {
    expect(normaliseQuery('Uglanov Martenovka 7952/3/253')).toMatchObject({ text: 'Uglanov Martenovka', refs: ['7952/3/253'], highlight: ['7952/3/253', 'Uglanov', 'Martenovka'] });
    expect(normaliseQuery("Sokol'niki raikom")).toMatchObject({ text: "Sokol'niki raikom", refs: [], highlight: ["Sokol'niki", 'raikom'] });
    expect(normaliseQuery('')).toEqual({ text: null, refs: [], highlight: [], respelled: [] });
  });

  it('leaves a quoted phrase to Pagefind and highlights it whole', () => {
    expect(normaliseQuery('"cell secretaries"')).toMatchObject({ text: '"cell secretaries"', highlight: ['cell secretaries'] });
  });

  it("respells other transliterations the thesis's way", () => {
    expect(normaliseQuery('Ryutin platform')).toMatchObject({ text: 'Riutin platform', respelled: [['Ryutin', 'Riutin']] });
    expect(normaliseQuery('Mossovet')).toMatchObject({ text: 'Mossoviet', respelled: [['Mossovet', 'Mossoviet']] });
    expect(thesisSpelling('Ouglanov')).toBe('Uglanov');
    expect(thesisSpelling('baumann')).toBe('Bauman');
    expect(thesisSpelling("Zinov'ev")).toBe('Zinoviev');
    expect(thesisSpelling('Polonsky')).toBe('Polonskii');
    expect(thesisSpelling('Tomskiy')).toBe('Tomskii');
    expect(thesisSpelling('Trotskii')).toBe('Trotsky');
    // Already the thesis's spelling, or English.
    expect(thesisSpelling('Trotsky')).toBeNull();
    expect(thesisSpelling('Uglanov')).toBeNull();
    expect(thesisSpelling('risky')).toBeNull();
    expect(respell('the Uglanov group')).toEqual({ query: 'the Uglanov group', changed: [] });
  });
});

describe('result links', () => {
  it('put the terms to highlight before the fragment', () => {
    expect(withHighlight('/chapter-2/#ch2.3-n15', ['Uglanov', '7952/3/82'])).toBe('/chapter-2/?highlight=Uglanov&highlight=7952%2F3%2F82#ch2.3-n15');
    expect(withHighlight('/glossary/', ['raikom'])).toBe('/glossary/?highlight=raikom');
    expect(withHighlight('/chapter-2/#para-3', [])).toBe('/chapter-2/#para-3');
  });
});
