/**
 * Archival references as exact search keys. Pagefind's tokenizer reads "7952/3/82, 152" as the
 * word "7952382" and "152", matches words by prefix, and falls back to the longest indexed prefix
 * of an unknown word — so a file number typed into the text query would also find 7952/3/820, or
 * 7952/38/2. Each note therefore carries its references as values of a Pagefind filter ("ref"),
 * one per level (fond, fond/opis, file, file and folio, Trotsky document), and a query that
 * contains a reference is rewritten into that filter, which Pagefind matches exactly.
 */

/** The parts of a reference that keys are made from (a subset of the citation model's ArchivalReference). */
export interface ArchivalKey {
  archive: 'TsGAOR' | 'TsGAGM' | 'T';
  fond: string | null;
  opis: string | null;
  delo: string | null;
  folios: string | null;
}

/** Widest folio range expanded into single folios ("152-168" gives 17 keys; a misread range gives none). */
const MAX_RANGE = 60;

/**
 * Folios cited, one number each: "130-3" → 130…133, "71-5" → 71…75, "1 and 13" → 1, 13. The
 * thesis abbreviates the end of a range ("130-3"), so a short end takes the start's leading digits.
 */
export function folioNumbers(folios: string | null): number[] {
  if (!folios) return [];
  const out = new Set<number>();
  for (const part of folios.split(/\s*(?:,|\band\b)\s*/u)) {
    const m = /^(\d+)(?:\s*[-–]\s*(\d+))?$/u.exec(part.trim());
    if (!m) continue;
    const from = Number(m[1]);
    if (m[2] === undefined) {
      out.add(from);
      continue;
    }
    const end = m[2].length < (m[1] as string).length ? Number((m[1] as string).slice(0, (m[1] as string).length - m[2].length) + m[2]) : Number(m[2]);
    if (end < from || end - from > MAX_RANGE) {
      out.add(from);
      continue;
    }
    for (let f = from; f <= end; f++) out.add(f);
  }
  return [...out];
}

/** The filter values one reference gives its note: "TsGAOR 7952", "fond 7952", "7952/3", "7952/3/82", "7952/3/82, 152"; "T 2850". */
export function archivalFilterValues(ref: ArchivalKey): string[] {
  if (ref.archive === 'T') return ref.delo ? [`T ${ref.delo}`] : [];
  if (!ref.fond) return [];
  const out = [`${ref.archive} ${ref.fond}`, `fond ${ref.fond}`];
  if (ref.opis) out.push(`${ref.fond}/${ref.opis}`);
  if (ref.opis && ref.delo) {
    const file = `${ref.fond}/${ref.opis}/${ref.delo}`;
    out.push(file, ...folioNumbers(ref.folios).map((f) => `${file}, ${f}`));
  }
  return out;
}

/** A reference found in a reader's query: its filter value, and the text to highlight on the page it leads to. */
export interface QueryReference {
  key: string;
  highlight: string[];
}

/** Fond, opis and delo as the thesis numbers them (a fond has 3-5 digits, so dates like 21/9/1928 are not read as files). */
const FOND = String.raw`(\d{3,5})`;
const N = String.raw`(\d{1,4})`;
const SLASH = String.raw`\s*\/\s*`;
const FOLIO = String.raw`(?:\s*,\s*(?:(?:ll?|1|I{1,2})\.\s*)?(\d{1,4})(?:\s*[-–]\s*\d{1,4})?(?![\d/]))?`;
const ARCHIVE = String.raw`(?:\b(TsGAOR|TsGAGM)\b\s*,?\s*)?`;
const NO = String.raw`\s*(?:no\.?)?\s*`;

/** Reference patterns, tried in order; each match is cut out of the query. */
const PATTERNS: { re: RegExp; key: (m: RegExpMatchArray) => QueryReference }[] = [
  {
    // "fond no. 7952 opis no. 3 delo no. 488, listok no. 13" (the Introduction's full form)
    re: new RegExp(String.raw`\bfond${NO}(\d+)\s*,?\s*opis${NO}(\d+)\s*,?\s*delo${NO}(\d+)(?:\s*,\s*listok${NO}(\d+))?`, 'giu'),
    key: (m) => file(m[1], m[2], m[3], m[4]),
  },
  {
    // "f. 7952, op. 3, d. 253, l. 14", "f.7952 op.3 d.253" (the Russian archival short form), with an archive or not
    re: new RegExp(String.raw`${ARCHIVE}\bf\.?\s*(\d{1,5})\s*,?\s*op\.?\s*(\d{1,4})\s*,?\s*d\.?\s*(\d{1,4})(?:\s*,?\s*ll?\.?\s*(\d{1,4})(?:\s*[-–]\s*\d{1,4})?)?\b`, 'giu'),
    key: (m) => file(m[2], m[3], m[4], m[5]),
  },
  {
    // "Trotsky Archive, (T), 2852", "Trotsky Archive 2850", "Trotsky 2850", "(T) 2850", "T 2850"
    re: new RegExp(String.raw`(?:\bTrotsky(?:\s+Archive)?\s*,?\s*(?:\(T\)\s*,?\s*)?|\(T\)\s*,?\s*|(?<![\w/])T\s*,?\s*)(\d{3,5})\b(?!\s*\/)`, 'giu'),
    key: (m) => ({ key: `T ${m[1]}`, highlight: [`T ${m[1]}`, `(T), ${m[1]}`] }),
  },
  {
    // "TsGAOR 7952/3/82, 152", "7952/3/82", "7952/ 3/ 96, 83" (the OCR's spaces after slashes)
    re: new RegExp(String.raw`${ARCHIVE}(?<![\d/])${FOND}${SLASH}${N}${SLASH}${N}${FOLIO}`, 'giu'),
    key: (m) => file(m[2], m[3], m[4], m[5]),
  },
  {
    // "7952/3" (a fond's opis); not a span of years ("1925/26") unless an archive is named
    re: new RegExp(String.raw`(?:\b(TsGAOR|TsGAGM)\b\s*,?\s*|(?<![\d/])(?!1[89]\d\d\b))${FOND}${SLASH}${N}(?![\d/]|\s*\/)`, 'giu'),
    key: (m) => ({ key: `${m[2]}/${m[3]}`, highlight: [`${m[2]}/${m[3]}/`] }),
  },
  {
    // "TsGAOR 7952", "TsGAGM, fond 3"
    re: /\b(TsGAOR|TsGAGM)\b\s*,?\s*(?:fond\s*(?:no\.?)?\s*)?(\d{1,5})\b(?!\s*\/)/giu,
    key: (m) => {
      const archive = (m[1] as string).toLowerCase() === 'tsgagm' ? 'TsGAGM' : 'TsGAOR';
      return { key: `${archive} ${m[2]}`, highlight: [`${m[2]}/`] };
    },
  },
  {
    // "fond 7952"
    re: /\bfond\s*(?:no\.?)?\s*(\d{1,5})\b/giu,
    key: (m) => ({ key: `fond ${m[1]}`, highlight: [`${m[1]}/`] }),
  },
];

function file(fond: string | undefined, opis: string | undefined, delo: string | undefined, folio: string | undefined): QueryReference {
  const f = `${fond}/${opis}/${delo}`;
  return { key: folio ? `${f}, ${Number(folio)}` : f, highlight: [f] };
}

/** Cut the archival references out of a query: the keys to filter on, and what is left for the text search. */
export function extractReferences(query: string): { refs: QueryReference[]; rest: string } {
  const refs: QueryReference[] = [];
  let rest = query;
  for (const { re, key } of PATTERNS) {
    for (const m of rest.matchAll(re)) refs.push(key(m));
    rest = rest.replace(re, ' ');
  }
  return { refs, rest: rest.replace(/\s+/gu, ' ').trim() };
}
