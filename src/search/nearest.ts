/**
 * Pagefind answers a word it has never indexed with the words that share its longest indexed
 * prefix ("blorpt" finds words beginning "blo"), so a misspelt name seems to be found. The page
 * compares each word of the query with the words the results mark, and says so when a word was
 * matched only by such a short prefix. Stemming is allowed for: "recruitment" marked as
 * "recruited" shares enough of its beginning.
 */
import { editDistance, editsAllowed, foldWord as fold } from './suggest.ts';

// A hard sign is printed as a double quote (Ob"edinennyi) and typed as an apostrophe, or not at all: part of the word.
const termsOf = (s: string): string[] => s.split(/[^\p{L}'’"]+/u);
/** The words the results mark, folded, each once. */
const marksOf = (marked: readonly string[]): string[] => [...new Set(marked.flatMap(termsOf).map(fold).filter(Boolean))];
/** The query's words of four letters or more, each once, as typed. */
const queryWords = (query: string): string[] => [...new Set(termsOf(query).filter((w) => fold(w).length >= 4))];

function commonPrefix(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
}

/** How much of a query word a marked word must begin with to count as that word or a form of it. */
export function prefixNeeded(word: string): number {
  return Math.min(word.length, Math.max(4, Math.ceil(word.length * 0.6)));
}

/**
 * The words of a query (letters only, four or more) that no marked word matches beyond a short
 * prefix, each with the longest beginning the marked words share with it ("blo" for "blorpt").
 */
export function wordsOnlyNear(query: string, marked: readonly string[]): { word: string; nearest: string }[] {
  const marks = marksOf(marked);
  return queryWords(query).flatMap((word) => {
    const w = fold(word);
    const best = Math.max(0, ...marks.map((m) => commonPrefix(w, m)));
    // No marked word shares even its first letter: the results were found some other way (a note's
    // abbreviation expanded in its metadata, "Pravda" for "P"), not by a prefix of this word.
    return best >= prefixNeeded(w) || best === 0 ? [] : [{ word, nearest: word.slice(0, best) }];
  });
}

/**
 * Of those words, the ones no marked word spells another way: "organization" marked as the thesis's
 * "organisation" shares only "organi", but it is the same word spelt otherwise, found, not a prefix's
 * chance match ("Kaganovitch" marked as "K.").
 */
export function notSpeltOtherwise(near: readonly { word: string; nearest: string }[], marked: readonly string[]): { word: string; nearest: string }[] {
  const marks = marksOf(marked);
  return near.filter(({ word }) => {
    const w = fold(word);
    return !marks.some((m) => editDistance(w, m, editsAllowed(w.length)) <= editsAllowed(w.length));
  });
}

/** Whether no word of the query (of four letters or more) was found beyond a short prefix: then nothing was found. */
export function nothingButNear(query: string, near: readonly { word: string }[]): boolean {
  const words = queryWords(query);
  return words.length > 0 && near.length === words.length;
}

/** The status line's addition for such words, or '' when every word was found. */
export function nearNote(near: readonly { word: string; nearest: string }[]): string {
  if (near.length === 0) return '';
  return ` Note: ${near.map((x) => `no word in the edition begins “${x.word}”; these results hold words beginning “${x.nearest}…”`).join('; ')}.`;
}
