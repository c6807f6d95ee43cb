import { describe, expect, it } from 'vitest';
import { normaliseQuery } from '../../../src/search/query.ts';
import { iaSpellings, respell, thesisSpelling } from '../../../src/search/spelling.ts';
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

describe('forms a reader types that the thesis prints otherwise', () => {
  it('reads GARF (and GA RF) as the TsGAOR the notes cite, and says so', () => {
    expect(normaliseQuery('GARF 7952')).toMatchObject({ text: null, refs: ['TsGAOR 7952'], respelled: [['GARF', 'TsGAOR']] });
    expect(normaliseQuery('GA RF f. 7952, op. 3, d. 253')).toMatchObject({ text: null, refs: ['7952/3/253'] });
    expect(normaliseQuery('GARF')).toMatchObject({ text: 'TsGAOR', refs: [] });
  });

  it('searches a reference typed in quotes as the reference, with nothing left over', () => {
    expect(normaliseQuery('"7952/3/253"')).toMatchObject({ text: null, refs: ['7952/3/253'] });
    expect(normaliseQuery('"TsGAOR 7952/3/253, 14"')).toMatchObject({ text: null, refs: ['7952/3/253, 14'] });
    expect(normaliseQuery('"T 2850"')).toMatchObject({ text: null, refs: ['T 2850'] });
  });

  it('writes a page cited without its space, and a two-digit year, as the records carry them', () => {
    expect(normaliseQuery('Vtoroi plenum p.43').text).toBe('Vtoroi plenum p. 43');
    expect(normaliseQuery('pp.195-7').text).toBe('pp. 195-7');
    expect(normaliseQuery('P 10/4/26').text).toBe('P 10/4/1926');
    // Not a date: left alone.
    expect(normaliseQuery('40/13/29').text).toBe('40/13/29');
  });

  it("respells the Library of Congress's ia/iu as the thesis's ya/yu, for the edition's own words", () => {
    const ia = iaSpellings(['Krasnaya', 'Presnya', 'Mikoyan', "Ryazan'", 'Trekhgornaya', 'social', 'Rabochaya']);
    expect(ia).toMatchObject({ krasnaia: 'Krasnaya', presnia: 'Presnya', mikoian: 'Mikoyan', riazan: "Ryazan'", trekhgornaia: 'Trekhgornaya' });
    // A word the edition itself prints with "ia" is never respelled ("social" has no "ya" form here).
    expect(Object.values(ia)).not.toContain('social');
    expect(iaSpellings(['Soyuz', 'Soiuz'])).toEqual({});
    expect(normaliseQuery('Krasnaia Presnia', ia)).toMatchObject({ text: 'Krasnaya Presnya', respelled: [['Krasnaia', 'Krasnaya'], ['Presnia', 'Presnya']] });
    expect(respell('Mikoian Riazan', ia).query).toBe("Mikoyan Ryazan'");
  });
});

describe('result links', () => {
  it('put the terms to highlight before the fragment', () => {
    expect(withHighlight('/chapter-2/#ch2.3-n15', ['Uglanov', '7952/3/82'])).toBe('/chapter-2/?highlight=Uglanov&highlight=7952%2F3%2F82#ch2.3-n15');
    expect(withHighlight('/glossary/', ['raikom'])).toBe('/glossary/?highlight=raikom');
    expect(withHighlight('/chapter-2/#para-3', [])).toBe('/chapter-2/#para-3');
  });

  it('leave out common words and two-letter terms, which the highlighter would mark inside every other word', () => {
    expect(withHighlight('/chapter-2/#ch2.1-n49', ['Stepanov', 'director', 'of', 'the', 'Serp', 'Molot'])).toBe('/chapter-2/?highlight=Stepanov&highlight=director&highlight=Serp&highlight=Molot#ch2.1-n49');
    expect(withHighlight('/chapter-1/#ch1-n9', ['RM', '30/1/1925', 'Biographical'])).toBe('/chapter-1/?highlight=30%2F1%2F1925&highlight=Biographical#ch1-n9');
    // Only common words: marked all the same. A term given twice, once.
    expect(withHighlight('/x/', ['of', 'the', 'of'])).toBe('/x/?highlight=of&highlight=the');
  });
});
