import { describe, expect, it } from 'vitest';
import { nearNote, notSpeltOtherwise, nothingButNear, prefixNeeded, wordsOnlyNear } from '../../../src/search/nearest.ts';

describe('words found only by a short prefix (Pagefind falls back to the longest indexed prefix)', () => {
  it('flags a word no marked word begins with, giving the beginning they share', () => {
    expect(wordsOnlyNear('blorpt', ['blow', 'Bloc'])).toEqual([{ word: 'blorpt', nearest: 'blo' }]);
    expect(wordsOnlyNear('xqzt', ['xenophobia'])).toEqual([{ word: 'xqzt', nearest: 'x' }]);
  });

  it('accepts the forms stemming finds, apostrophes and case aside', () => {
    expect(wordsOnlyNear('recruitment', ['recruited'])).toEqual([]);
    expect(wordsOnlyNear('organisations', ['organisation'])).toEqual([]);
    expect(wordsOnlyNear('Sokolniki', ["Sokol'niki"])).toEqual([]);
    expect(wordsOnlyNear('uglanov', ["Uglanov's"])).toEqual([]);
    expect(wordsOnlyNear('cell secretaries', ['cell', 'secretary'])).toEqual([]);
    // The hard sign, printed as a double quote, typed as an apostrophe or left out.
    for (const typed of ["Ob'edinennyi", 'Ob’edinennyi', 'Obedinennyi']) expect(wordsOnlyNear(typed, ['Ob"edinennyi']), typed).toEqual([]);
  });

  it('says nothing when no marked word shares even the first letter: the results were found another way', () => {
    // "Pravda 14/5/1929" finds the note "P 14/5/1929." by the abbreviation's expansion in its metadata.
    expect(wordsOnlyNear('Pravda 14/5/1929', ['14/5/1929'])).toEqual([]);
  });

  it('leaves short words and figures alone, and flags only the word that was not found', () => {
    expect(wordsOnlyNear('the MK 1929', ['Moscow'])).toEqual([]);
    expect(wordsOnlyNear('Uglanov blorpt', ['Uglanov', 'blow'])).toEqual([{ word: 'blorpt', nearest: 'blo' }]);
  });

  it('needs more of a long word than of a short one', () => {
    expect([prefixNeeded('cell'), prefixNeeded('blorpt'), prefixNeeded('recruitment')]).toEqual([4, 4, 7]);
  });

  it('says so in the status line', () => {
    expect(nearNote([])).toBe('');
    expect(nearNote([{ word: 'blorpt', nearest: 'blo' }])).toBe(' Note: no word in the edition begins “blorpt”; these results hold words beginning “blo…”.');
  });
});

describe('a word found spelt otherwise, or by chance', () => {
  it('takes a marked word a few letters away for the same word spelt otherwise, not a prefix\'s chance match', () => {
    const organization = wordsOnlyNear('organization', ['organisation']);
    expect(organization).toHaveLength(1);
    expect(notSpeltOtherwise(organization, ['organisation'])).toEqual([]);
    const kaganovitch = wordsOnlyNear('Kaganovitch', ['K.']);
    expect(notSpeltOtherwise(kaganovitch, ['K.'])).toEqual(kaganovitch);
    expect(nothingButNear('Kaganovitch', notSpeltOtherwise(kaganovitch, ['K.']))).toBe(true);
    expect(nothingButNear('organization', [])).toBe(false);
  });
});
