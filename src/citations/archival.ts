/**
 * Archival citations in the notes: TsGAOR and TsGAGM files (fond/opis/delo, folio) and documents
 * of the Trotsky Archive ('T 2850'). Pure text parsing; continuations ('ibid.', 'loc. cit.') are
 * resolved by the citation stream (stream.ts), which knows what was cited before.
 */

export type ArchiveCode = 'TsGAOR' | 'TsGAGM' | 'T';

/** How the thesis wrote the reference. */
export type ArchivalForm = 'full' | 'short' | 'trotsky' | 'loc-cit' | 'ibid' | 'example';

export interface ArchivalMention {
  /** Span of the whole reference in the flat text. */
  start: number;
  end: number;
  /** Span to link (the numbers; the archive's name gets its own abbreviation link). */
  linkStart: number;
  linkEnd: number;
  archive: ArchiveCode;
  fond: string | null;
  opis: string | null;
  delo: string | null;
  /** Folio(s) as cited: '10', '152-168', '1 and 13', 'passim', 'loc. cit.'; null when none is given. */
  folios: string | null;
  form: ArchivalForm;
  raw: string;
  /** Editorial remarks on the reading (an opis supplied, an irregular form). */
  remarks: string[];
}

/** One archival reference of the thesis, in a note, with everything the index and the downloads need. */
export interface ArchivalReference extends Pick<ArchivalMention, 'archive' | 'fond' | 'opis' | 'delo' | 'folios' | 'form' | 'raw' | 'remarks' | 'linkStart' | 'linkEnd'> {
  id: string;
  section: string;
  slug: string;
  /** Block (note id) that cites it. */
  noteId: string;
  scope: string;
  noteN: number | null;
  page: number | null;
  /** The page's number may be off (its note's page: contexts.ts, pagesNumberedApproximately). */
  pageApproximate: boolean;
  /** The source line of the note (or the note's table) that cites it. */
  line: number;
  /** The thesis gives no opis and the editor supplied it (see remarks). */
  opisSupplied: boolean;
  /** For continuations: the reference continued. */
  continues: string | null;
}

const FOLIO = String.raw`(?:(?:ll?\.|I{1,2}\.|1\.)\s*)?(\d+(?:\s*[-–]\s*\d+)?(?:\s*(?:and|,)\s*\d+(?:\s*[-–]\s*\d+)?)*)`;
const FOLIO_AFTER = new RegExp(String.raw`^\s*,\s*(?:(passim)|(loc\.?\s*cit\.?)|${FOLIO}(?![\d/]))`, 'u');
const ARCHIVE_NAME = /\b(TsGAOR|TsGAGM)\b/gu;
const SHORT = /(\d{4})\s*\/\s*(\d{1,3})\s*\/\s*(\d{1,4})(\s+and\s+(\d{1,4})(?!\s*\/))?/gu;
const TWO_PART = /\b(TsGAOR|TsGAGM)\s*,?\s*(\d{4})\s*\/\s*(\d{1,4})(?![\d\s]*\/)/gu;
const FULL = /fond\s+no\.?\s*(\d+)\s*,?\s*opis\s+no\.?\s*(\d+)\s*,?\s*delo\s+no\.?\s*(\d+)(?:\s*,\s*listok\s+no\.?\s*(\d+(?:-\d+)?))?/gu;
const TROTSKY = /\bTrotsky Archive,?\s*\(T\),?\s*(\d{3,5})\b|\bT\s+(\d{3,5})\b/gu;
const LOC_CIT = /\b(TsGAOR|TsGAGM)\s*,\s*(loc\.?\s*cit\.?)/gu;

/** The folio(s) cited just after a reference (", 10", ", ll.4-5", ", passim"), if any. */
export function folioAfter(text: string, at: number): { folios: string; end: number } | null {
  const m = FOLIO_AFTER.exec(text.slice(at));
  if (!m) return null;
  const folios = (m[1] ?? m[2] ?? m[3] ?? '').replace(/\s+/gu, ' ').replace(/\s*[-–]\s*/gu, '-').replace(/\.$/u, '').trim();
  // A trailing " and" of a following sentence is not a folio.
  return { folios, end: at + m[0].length };
}

/** Archive named most recently before `at` (TsGAOR by default: every fond cited without a name is a TsGAOR fond). */
function archiveBefore(text: string, at: number): ArchiveCode {
  let last: ArchiveCode = 'TsGAOR';
  for (const m of text.matchAll(ARCHIVE_NAME)) if ((m.index ?? 0) < at) last = m[1] as ArchiveCode;
  return last;
}

/** Every explicit archival reference in a note's text, in order (continuations are marked 'loc-cit'). */
export function findArchivalMentions(text: string): ArchivalMention[] {
  const out: ArchivalMention[] = [];
  const taken = (s: number, e: number): boolean => out.some((m) => s < m.end && m.start < e);
  for (const m of text.matchAll(FULL)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    out.push({ start, end, linkStart: start, linkEnd: end, archive: archiveBefore(text, start), fond: m[1] as string, opis: m[2] as string, delo: m[3] as string, folios: m[4] ?? null, form: 'full', raw: m[0], remarks: [] });
  }
  for (const m of text.matchAll(SHORT)) {
    const start = m.index ?? 0;
    let end = start + m[0].length;
    if (taken(start, end)) continue;
    const folio = folioAfter(text, end);
    if (folio) end = folio.end;
    // The Introduction's "(Hereafter … as follows: 7952/3/488, 13.)" shows the short form by example.
    const example = /as follows:\s*$/u.test(text.slice(Math.max(0, start - 20), start));
    const base = { archive: archiveBefore(text, start), fond: m[1] as string, opis: m[2] as string, folios: folio ? folio.folios : null, remarks: [] as string[] };
    const raw = text.slice(start, end).replace(/[.)\s]+$/u, '');
    const linkEnd = start + raw.length;
    if (m[5]) {
      // "7952/3/94 and 96, passim": two files of one opis.
      const and = start + (m[0].indexOf(m[4] as string));
      out.push({ ...base, start, end, linkStart: start, linkEnd: and, delo: m[3] as string, form: example ? 'example' : 'short', raw, remarks: ['cited together with the next file ("… and …")'] });
      out.push({ ...base, start, end, linkStart: and + (m[4] as string).indexOf(m[5] as string), linkEnd, delo: m[5] as string, form: example ? 'example' : 'short', raw, remarks: ['cited together with the previous file ("… and …")'] });
      continue;
    }
    out.push({ ...base, start, end, linkStart: start, linkEnd, delo: m[3] as string, form: example ? 'example' : 'short', raw });
    if (example) (out[out.length - 1] as ArchivalMention).remarks.push("the thesis's example of the short form, repeating the reference just given");
  }
  for (const m of text.matchAll(TWO_PART)) {
    const at = (m.index ?? 0) + m[0].indexOf(m[2] as string);
    let end = (m.index ?? 0) + m[0].length;
    if (taken(at, end)) continue;
    const folio = folioAfter(text, end);
    if (folio) end = folio.end;
    const raw = text.slice(at, end).replace(/[.)\s]+$/u, '');
    out.push({ start: at, end, linkStart: at, linkEnd: at + raw.length, archive: m[1] as ArchiveCode, fond: m[2] as string, opis: null, delo: m[3] as string, folios: folio ? folio.folios : null, form: 'short', raw, remarks: ['the thesis prints fond and delo without an opis'] });
  }
  for (const m of text.matchAll(TROTSKY)) {
    const start = m.index ?? 0;
    const number = (m[1] ?? m[2]) as string;
    const numberAt = start + m[0].lastIndexOf(number);
    // "T 2850" is linked whole (a one-letter link beside a number would be two tiny targets).
    const linkStart = m[2] ? start : numberAt;
    out.push({ start, end: start + m[0].length, linkStart, linkEnd: numberAt + number.length, archive: 'T', fond: null, opis: null, delo: number, folios: null, form: 'trotsky', raw: m[0], remarks: [] });
  }
  for (const m of text.matchAll(LOC_CIT)) {
    const start = m.index ?? 0;
    const at = start + m[0].indexOf(m[2] as string);
    out.push({ start, end: start + m[0].length, linkStart: at, linkEnd: at + (m[2] as string).length, archive: m[1] as ArchiveCode, fond: null, opis: null, delo: null, folios: 'loc. cit.', form: 'loc-cit', raw: m[0], remarks: [] });
  }
  return out.sort((a, b) => a.start - b.start || a.linkStart - b.linkStart);
}

/**
 * An independent, deliberately broad count of archival citations in a text, to check the parser
 * against: every fond/opis/delo triple, every "TsGAOR 7952/253", every Trotsky document number,
 * every full "fond no." form and every "TsGAOR, loc. cit.".
 */
export function countArchivalCandidates(text: string): number {
  const triples = [...text.matchAll(/\d{4}\s*\/\s*\d+\s*\/\s*\d+/gu)].length;
  const extraAnd = [...text.matchAll(/\d{4}\s*\/\s*\d+\s*\/\s*\d+\s+and\s+\d+(?!\s*\/)/gu)].length;
  const twoPart = [...text.matchAll(/Ts\w+\s*,?\s*\d{4}\s*\/\s*\d+(?![\d\s]*\/)/gu)].length;
  const full = [...text.matchAll(/fond no/gu)].length;
  const trotsky = [...text.matchAll(/\bT\s+\d{3,5}\b|\(T\),?\s*\d+/gu)].length;
  const locCit = [...text.matchAll(/Ts\w+\s*,\s*loc/gu)].length;
  return triples + extraAnd + twoPart + full + trotsky + locCit;
}

/** Anchor of a file (delo) or Trotsky document in the Archives index. */
export function fileAnchor(r: Pick<ArchivalReference, 'archive' | 'fond' | 'opis' | 'delo'>): string {
  if (r.archive === 'T') return `t-${r.delo}`;
  return `${r.archive.toLowerCase()}-${r.fond}-${r.opis ?? 'x'}-${r.delo}`;
}

/** "TsGAOR 7952/3/493, 10" — a reference in the thesis's own short form. */
export function shortForm(r: Pick<ArchivalReference, 'archive' | 'fond' | 'opis' | 'delo' | 'folios'>): string {
  if (r.archive === 'T') return `T ${r.delo}`;
  return `${r.archive} ${r.fond}/${r.opis ?? '?'}/${r.delo}${r.folios ? `, ${r.folios}` : ''}`;
}
