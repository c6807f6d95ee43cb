/**
 * "Did you mean…": for a word the edition does not hold ("Bucharin", "Molotow", "Kaganovitch",
 * "Uglanv"), the edition's own word nearest to it in spelling. Pagefind answers such a word with
 * whatever shares its first letters, so the page needs a list of the words there are: the
 * vocabulary, written beside the index at build time and fetched only when a word is not found.
 */

/** A word as the comparison sees it: lower case, without accents, apostrophes (soft signs) or quotes. */
export const foldWord = (w: string): string => w.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f'’`"]/gu, '');

/** The words of a text as the edition counts them: letters, with the apostrophes of soft signs ("oblast'", "Kul'tprop"). */
const WORD = /\p{L}[\p{L}'’]*/gu;
export const wordsOf = (text: string): string[] => text.match(WORD) ?? [];

/** The edition's words of four letters or more, each as most often printed, with how often: most frequent first. */
export type Vocabulary = [printed: string, count: number][];

export function editionVocabulary(words: Iterable<string>): Vocabulary {
  const byFold = new Map<string, Map<string, number>>();
  for (const raw of words) {
    // A leading apostrophe opens a quotation; a trailing one closes it or is a soft sign ("oblast'"): kept, and the most frequent form wins.
    const word = raw.replace(/^['’]+/u, '');
    const folded = foldWord(word);
    if (folded.length < 4 || !/^\p{L}+$/u.test(folded)) continue;
    const forms = byFold.get(folded) ?? new Map<string, number>();
    // Capitalised only where the edition capitalises it everywhere (a name), else lower case.
    forms.set(word, (forms.get(word) ?? 0) + 1);
    byFold.set(folded, forms);
  }
  const out: Vocabulary = [];
  for (const forms of byFold.values()) {
    const total = [...forms.values()].reduce((a, b) => a + b, 0);
    // The most frequent lower-case form ("below", not "below'" closing a quotation; "oblast'" with its
    // soft sign, its usual form); a name, capitalised everywhere, as most often printed.
    // A trailing apostrophe is a soft sign only after a consonant that takes one ("oblast'", "Tver'");
    // after "democracy" it closed a quotation, and the bare form is the word.
    const quoteClosing = (f: string): boolean => /['’]$/u.test(f) && !/[tlndszr]['’]$/u.test(f) && forms.has(f.slice(0, -1));
    const ranked = [...forms.entries()].filter(([f]) => !quoteClosing(f)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const printed = (ranked.find(([f]) => f === f.toLowerCase()) ?? ranked[0]!)[0];
    out.push([printed, total]);
  }
  return out.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Edits from one word to another: insertions, deletions, substitutions and swaps of neighbours (Damerau), stopping past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = Array.from({ length: b.length + 1 }, (_, j) => j);
  let prev = before.slice();
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] as number) + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    before = prev;
    prev = row;
  }
  return prev[b.length] as number;
}

/** How many edits a word of this length may be from the one it was meant for: one for five letters, two for up to nine, three beyond. */
export const editsAllowed = (length: number): number => (length <= 5 ? 1 : length <= 9 ? 2 : 3);

/**
 * The edition's word nearest in spelling to `word` (fewest edits, then the most frequent), or null
 * when the edition holds the word itself or nothing is near enough.
 */
export function suggestWord(word: string, vocabulary: Vocabulary): string | null {
  const w = foldWord(word);
  if (w.length < 4) return null;
  const limit = editsAllowed(w.length);
  let best: { printed: string; d: number } | null = null;
  for (const [printed, ] of vocabulary) {
    const v = foldWord(printed);
    if (v === w) return null;
    const d = editDistance(w, v, best ? Math.min(limit, best.d - 1) : limit);
    // Most frequent first: a later word replaces the best only by being nearer.
    if (d <= limit && (!best || d < best.d)) best = { printed, d };
  }
  return best?.printed ?? null;
}

const folded = new WeakMap<Vocabulary, Set<string>>();

/** Whether the edition holds the word (as the comparison sees it). */
export function holdsWord(word: string, vocabulary: Vocabulary): boolean {
  let set = folded.get(vocabulary);
  if (!set) {
    set = new Set(vocabulary.map(([w]) => foldWord(w)));
    folded.set(vocabulary, set);
  }
  return set.has(foldWord(word));
}

/** The query with each word the edition lacks replaced by its suggestion; null when nothing changes. */
export function suggestQuery(query: string, vocabulary: Vocabulary): string | null {
  let changed = false;
  const out = query.replace(WORD, (word) => {
    const s = suggestWord(word, vocabulary);
    if (s === null) return word;
    changed = true;
    return s;
  });
  return changed ? out : null;
}
