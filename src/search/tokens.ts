/**
 * Search tokens that Pagefind's word tokenizer cannot produce by itself. Pagefind splits
 * "7952/3/82, 152" at the slashes and commas into 7952, 3, 82, 152 — so a query for one file would
 * match any page holding those numbers anywhere. Each archival reference therefore also gets one
 * compact token per level (f7952, f7952o3, f7952o3d82, f7952o3d82l152; trotsky2850), and the
 * query is rewritten the same way before it is sent. Apostrophes (the soft sign: Sokol'niki) are
 * dropped on both sides, so "Sokolniki" finds "Sokol'niki".
 */

export interface ArchivalKey {
  archive: 'TsGAOR' | 'TsGAGM' | 'T';
  fond: string | null;
  opis: string | null;
  delo: string | null;
  folios: string | null;
}

/** Compact tokens for one archival reference. */
export function archivalTokens(ref: ArchivalKey): string[] {
  if (ref.archive === 'T') return ref.delo ? [`trotsky${ref.delo}`] : [];
  const out: string[] = [];
  if (!ref.fond) return out;
  out.push(`f${ref.fond}`, `${ref.archive.toLowerCase()}${ref.fond}`);
  if (ref.opis) out.push(`f${ref.fond}o${ref.opis}`);
  if (ref.opis && ref.delo) {
    const file = `f${ref.fond}o${ref.opis}d${ref.delo}`;
    out.push(file);
    const first = /^\d+/u.exec(ref.folios ?? '');
    if (first) out.push(`${file}l${first[0]}`);
  }
  return out;
}

/** Words with an apostrophe (soft sign) also indexed without it: Sokol'niki → Sokolniki. */
export function apostropheFreeVariants(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/[A-Za-z]+(?:['’][A-Za-z]+)+['’]?|[A-Za-z]+['’](?=[\s.,;:)]|$)/gu)) {
    out.add(m[0].replace(/['’]/gu, ''));
  }
  return [...out];
}

/**
 * Spellings of the same name that a reader may type for any of them (from the thesis and the
 * usual transliterations): each form found in a text adds the others as search variants.
 */
export const NAME_VARIANTS: readonly (readonly string[])[] = [
  ['Riutin', 'Ryutin'],
  ['Uglanov', 'Ouglanov'],
  ['Bauman', 'Baumann'],
  ['Kamenev', 'Kamanev'],
  ['Mel\'nichanskii', 'Melnichanskii', 'Melnichansky'],
];

export function nameVariants(text: string): string[] {
  const out: string[] = [];
  for (const group of NAME_VARIANTS) {
    if (group.some((name) => new RegExp(`\\b${name.replace(/'/gu, "['’]?")}\\b`, 'u').test(text))) out.push(...group.map((n) => n.replace(/['’]/gu, '')));
  }
  return out;
}

/** Rewrite a reader's query into the tokens the index holds. */
export function normaliseQuery(query: string): string {
  let q = query.trim();
  // "Trotsky Archive, (T), 2852", "Trotsky Archive 2850", "T 2850"
  q = q.replace(/\bTrotsky(?:\s+Archive)?\s*,?\s*(?:\(T\)\s*,?\s*)?(\d{3,5})\b/giu, 'trotsky$1');
  q = q.replace(/(^|\s)T\s*,?\s*(\d{3,5})\b/gu, '$1trotsky$2');
  // "7952/3/82, 152" (with the OCR's spaces tolerated) → f7952o3d82l152 ; "7952/3/82" → f7952o3d82 ; "7952/3" → f7952o3
  q = q.replace(/\b(\d{3,5})\s*\/\s*(\d{1,3})\s*\/\s*(\d{1,5})(?:\s*,\s*(\d+))?/gu, (_m, f: string, o: string, d: string, l?: string) => `f${f}o${o}d${d}${l ? `l${l}` : ''}`);
  q = q.replace(/\b(\d{3,5})\s*\/\s*(\d{1,3})\b(?!\s*\/)/gu, 'f$1o$2');
  // "TsGAOR 7952" → tsgaor7952 (the archive's fond, not every mention of the number)
  q = q.replace(/\b(TsGAOR|TsGAGM)\s*,?\s*(?:fond\s*(?:no\.?)?\s*)?(\d{3,5})\b(?!\s*\/)/giu, (_m, a: string, f: string) => `${a.toLowerCase()}${f}`);
  // "fond 7952" → f7952
  q = q.replace(/\bfond\s*(?:no\.?)?\s*(\d{3,5})\b/giu, 'f$1');
  return q.replace(/['’]/gu, '');
}
