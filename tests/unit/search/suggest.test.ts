import { describe, expect, it } from 'vitest';
import { editDistance, editionVocabulary, holdsWord, suggestQuery, suggestWord } from '../../../src/search/suggest.ts';
import { editionWords } from '../../../src/search/records.ts';
import { realEdition } from '../pipeline/helpers.ts';

const vocabulary = editionVocabulary(editionWords(realEdition()));

describe('"did you mean": the edition\'s word nearest to one it does not hold', () => {
  it('counts edits, a swap of neighbours as one, and stops past its limit', () => {
    expect(editDistance('molotow', 'molotov', 2)).toBe(1);
    expect(editDistance('bauamn', 'bauman', 2)).toBe(1);
    expect(editDistance('kaganovitch', 'kaganovich', 3)).toBe(1);
    expect(editDistance('xylophone', 'bauman', 2)).toBe(3);
  });

  it('suggests the names a historian misspells, as the thesis prints them', () => {
    expect(['Bucharin', 'Bukarin', 'Molotow', 'Kaganovitch', 'Uglanv', 'Uglamov', 'Uglanof', 'Trotskii'].map((w) => suggestWord(w, vocabulary))).toEqual(['Bukharin', 'Bukharin', 'Molotov', 'Kaganovich', 'Uglanov', 'Uglanov', 'Uglanov', 'Trotsky']);
  });

  it('suggests a word as it is usually printed, not with the quotation mark that closed one occurrence', () => {
    expect(['econmy', 'democrasy', 'bellow'].map((w) => suggestWord(w, vocabulary))).toEqual(['economy', 'democracy', 'below']);
    expect(vocabulary.filter(([w]) => /^[a-z]+'$/u.test(w) && new Map(vocabulary).has(w.slice(0, -1)))).toEqual([]);
  });

  it('suggests nothing for a word the edition holds, one too short to judge, or one nothing is near', () => {
    expect(suggestWord('Uglanov', vocabulary)).toBeNull();
    expect(suggestWord("oblast'", vocabulary)).toBeNull();
    expect(suggestWord('zzz', vocabulary)).toBeNull();
    expect(suggestWord('xylophone', vocabulary)).toBeNull();
  });

  it('keeps a vocabulary word as printed: a name capitalised, a common word in lower case, a soft sign kept', () => {
    const printed = new Map(vocabulary);
    expect(printed.has('Bukharin')).toBe(true);
    expect(printed.has('party')).toBe(true);
    expect(printed.has("oblast'")).toBe(true);
    expect(vocabulary[0]![1]).toBeGreaterThan(1000);
  });

  it('knows the words the edition holds, whatever their case or soft signs', () => {
    expect(['industrialization', 'Uglanov', 'oblast', "OBLAST'"].every((w) => holdsWord(w, vocabulary))).toBe(true);
    expect(['centralization', 'xylophone'].some((w) => holdsWord(w, vocabulary))).toBe(false);
  });

  it('rewrites only the words the edition lacks', () => {
    expect(suggestQuery('Bucharin and the Moscow Right', vocabulary)).toBe('Bukharin and the Moscow Right');
    expect(suggestQuery('Uglanov Bauman', vocabulary)).toBeNull();
  });
});
