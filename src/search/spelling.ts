/**
 * Spellings a reader may type for a name the thesis spells otherwise. Pagefind already ignores the
 * soft-sign apostrophe on both sides (Sokolniki finds Sokol'niki, oblast finds oblast') and matches
 * word beginnings (Uglanov finds Uglanov's, Uglanovshchina; Bauman finds Baumanskogo), so only
 * other transliterations need help: the query is respelled the thesis's way before it is searched.
 */

/** The thesis's spelling first, then the forms readers use for it (Library of Congress, popular, French). */
export const NAME_VARIANTS: readonly (readonly string[])[] = [
  ['Riutin', 'Ryutin', 'Rjutin', 'Rioutine'],
  ['Uglanov', 'Ouglanov', 'Uglanow'],
  ['Bauman', 'Baumann'],
  ['Zinoviev', "Zinov'ev", 'Zinovev', 'Sinowjew'],
  ['Trotsky', 'Trotskii', 'Trotskiy', 'Trotski', 'Trotzky'],
  ['Voslensky', 'Voslenskii'],
  ['Nikolaevsky', 'Nikolaevskii', 'Nikolayevsky'],
  ['Mel\'nichanskii', 'Melnichansky', 'Melnichanskiy'],
  ['Khrushchev', 'Khrushchov', 'Krushchev', 'Kruschev'],
  ['Rabochaya', 'Rabochaia'],
  ['Izvestiya', 'Izvestiia', 'Izvestia'],
  // The Glossary's headword is Mossovet, the text's 36 times Mossoviet (the Glossary row lists the
  // text's spelling, so it is found too). Not for words the text itself prints both ways.
  ['Mossoviet', 'Mossovet'],
];

/** Words that end in -sky in English and are not Russian names. */
const ENGLISH_SKY = new Set(['sky', 'risky', 'husky', 'whisky', 'pesky', 'frisky', 'musky', 'dusky']);

const key = (w: string): string => w.toLowerCase().replace(/['’]/gu, '');

const THESIS_FORM = new Map<string, string>(NAME_VARIANTS.flatMap((group) => group.slice(1).map((v) => [key(v), group[0] as string] as const)));
const KEEPS_SKY = new Set(NAME_VARIANTS.filter((g) => /sky$/u.test(g[0] as string)).map((g) => key(g[0] as string)));

/**
 * The thesis's spelling of one typed word, or null when it is already the thesis's (or unknown).
 * Beyond the table, "-sky"/"-skiy" names take the thesis's "-skii" (Polonsky → Polonskii).
 */
export function thesisSpelling(word: string): string | null {
  const k = key(word);
  const known = THESIS_FORM.get(k);
  if (known) return known;
  if (k.length >= 6 && /sk(?:y|iy)$/u.test(k) && !ENGLISH_SKY.has(k) && !KEEPS_SKY.has(k)) return word.replace(/sk(?:y|iy)$/iu, 'skii');
  return null;
}

/**
 * The Library of Congress's "ia"/"iu" (я, ю) for the thesis's "ya"/"yu", for every word of the
 * edition that has them ("krasnaia" → "Krasnaya", "mikoian" → "Mikoyan", "riazan" → "Ryazan'"):
 * keys are lower case without apostrophes, and a key that is itself a word of the edition is left
 * out (the thesis's own "ia" words stay as typed). Built from the text, shipped in the search outline.
 */
export function iaSpellings(words: Iterable<string>): Record<string, string> {
  const own = new Set<string>();
  const forms = new Map<string, string>();
  for (const w of words) {
    const k = key(w);
    own.add(k);
    if (k.length >= 4 && /y[au]/u.test(k)) forms.set(k.replace(/ya/gu, 'ia').replace(/yu/gu, 'iu'), w);
  }
  const out: Record<string, string> = {};
  for (const [variant, thesis] of [...forms].sort(([a], [b]) => a.localeCompare(b))) if (!own.has(variant)) out[variant] = thesis;
  return out;
}

/**
 * Respell every word of a query the thesis's way; returns the new query and the words changed.
 * `ia` holds the edition's "ia"/"iu" respellings (iaSpellings), when the page has them.
 */
export function respell(query: string, ia: Readonly<Record<string, string>> = {}): { query: string; changed: [typed: string, thesis: string][] } {
  const changed: [string, string][] = [];
  const out = query.replace(/[\p{L}'’]+/gu, (w) => {
    const t = thesisSpelling(w) ?? (Object.hasOwn(ia, key(w)) ? (ia[key(w)] as string) : null);
    if (t === null || t === w) return w;
    changed.push([w, t]);
    return t;
  });
  return { query: out, changed };
}
