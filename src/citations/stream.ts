/**
 * The citations of the thesis in reading order, scope by scope: works (matched to the
 * bibliography or to a full reference in an earlier note), archival files, periodicals,
 * proceedings; and the abbreviated references (op. cit., loc. cit., Ibid.) resolved against them.
 * op. cit. resolves to the same author's full citation earlier in the scope, else the bibliography;
 * Ibid. to whatever was cited just before.
 */
import type { Edition } from '../pipeline/model.ts';
import { parseBibliography, type BibEntry } from './bibliography.ts';
import { findArchivalMentions, folioAfter, type ArchivalMention, type ArchivalReference } from './archival.ts';
import { textContexts, type TextContext } from './contexts.ts';
import { ABBREVIATION_SPELLINGS_IN_TEXT, parseAbbreviations } from './glossary.ts';
import { nameKey, sameName } from './names.ts';
import { findMeetingCitations, meetingOfEntry, reportCited, romanValue, type CitedMeeting } from './proceedings.ts';
import { escapeRe, normalizeWords } from './text.ts';
import { IDENTIFICATIONS } from './identifications.ts';

export type Target =
  | { kind: 'bib'; entry: BibEntry; label: string }
  | { kind: 'local'; context: TextContext; label: string }
  | { kind: 'archival'; ref: ArchivalReference; label: string }
  | { kind: 'periodical'; entry: BibEntry | null; context: TextContext; label: string }
  | { kind: 'generic'; context: TextContext; label: string };

export type MentionVia = 'title' | 'short-title' | 'issue' | 'proceedings' | 'local' | 'archival' | 'periodical' | 'generic' | 'op-cit' | 'loc-cit' | 'ibid';

/** Mentions that name a bibliography entry themselves (a title, a journal issue, a conference or plenum), and so are links. */
export const NAMING_VIAS: ReadonlySet<MentionVia> = new Set(['title', 'short-title', 'issue', 'proceedings']);

export interface Mention {
  context: TextContext;
  start: number;
  end: number;
  /** Span to link, when the mention itself gets a link (a title, a short title). */
  linkStart: number;
  linkEnd: number;
  target: Target;
  /** Surnames this mention names or implies (for later op. cit.). */
  authors: string[];
  via: MentionVia;
  /** Abbreviations used ('RM', 'P'…) for periodical mentions. */
  abbr: string | null;
}

export type AbbreviatedToken = 'op. cit.' | 'loc. cit.' | 'ibid.';

export interface Abbreviated {
  context: TextContext;
  token: AbbreviatedToken;
  start: number;
  end: number;
  raw: string;
  author: string | null;
  target: Target | null;
  /** Why it resolved as it did, or why it did not. */
  reason: string;
  /** Resolved by the editor's recorded decision (content/citations/identifications.json), not by rule. */
  identified: boolean;
}

export interface CitationStream {
  mentions: Mention[];
  abbreviated: Abbreviated[];
  archival: ArchivalReference[];
}

interface Token {
  w: string;
  raw: string;
  start: number;
  end: number;
}

/** Little words (articles, prepositions, conjunctions, English and Russian) that carry no title on their own. */
export const STOP: ReadonlySet<string> = new Set(['the', 'a', 'an', 'and', 'of', 'in', 'on', 'for', 'to', 'i', 'v', 'o', 's', 'k', 'na', 'po', 'za', 'ot', 'iz', 'u']);

function tokens(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{M}\p{N}'’`"]+/gu)].flatMap((m) => {
    const w = normalizeWords(m[0]).join('');
    return w ? [{ w, raw: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }] : [];
  });
}

/** Title words used for matching (a leading article dropped). */
function titleWords(e: BibEntry): string[] {
  const w = normalizeWords(e.title);
  return w[0] === 'the' ? w.slice(1) : w;
}

const entryAuthors = (e: BibEntry): string[] => [...e.authors, ...e.editors].map((p) => p.family);

/** What follows a title in a citation: an imprint, a page, a volume, a chapter. */
const CITATION_TAIL = /^[^.;]{0,60}?(?:\(|\bpp?\.\s*\d|[Cc]hap|\b[Vv]ols?\b|\btable\b|\bedn\b)/u;

const PAGE_AFTER = /^,?\s*pp?\.\s*\d/u;

/** "xiv" or "14" → 14. */
function volumeNumber(s: string): number | null {
  return /^\d+$/u.test(s) ? Number(s) : romanValue(s.toUpperCase());
}

/** Volumes an entry lists: "vols xi-xiv" → 11 to 14; "vol 2" → 2. */
export function listedVolumes(e: BibEntry): number[] {
  const m = /\bvols?\.?\s*([ivxlc]+|\d+)\b(?:\s*-\s*([ivxlc]+|\d+)\b)?/iu.exec(e.note ?? '');
  const from = m ? volumeNumber(m[1] as string) : null;
  if (!m || from === null) return [];
  const to = m[2] ? volumeNumber(m[2]) ?? from : from;
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);
}

/** Years an entry's imprint spans: "(M., 1949-1951)" → 1949 to 1951. */
function imprintYears(e: BibEntry): [number, number] | null {
  const m = /(1[89]\d\d)(?:\s*-\s*(1[89]\d\d))?\)\s*$/u.exec(e.text);
  return m ? [Number(m[1]), Number(m[2] ?? m[1])] : null;
}

/** Whether what follows a title cites a volume the entry lists ("Sochineniya, vol. xii"), and an imprint year within the entry's ("(M., 1949)"). */
function volumeEvidence(e: BibEntry, after: string): { listed: boolean; yearListed: boolean } {
  const m = /^,?\s*[Vv]ol\.?\s*([ivxlcIVXLC]+|\d+)\b,?\s*(?:\((?:[^()]*?,\s*)?(1[89]\d\d)\))?/u.exec(after);
  const volume = m ? volumeNumber(m[1] as string) : null;
  if (!m || volume === null || !listedVolumes(e).includes(volume)) return { listed: false, yearListed: false };
  const years = imprintYears(e);
  const year = m[2] ? Number(m[2]) : null;
  return { listed: true, yearListed: year !== null && years !== null && years[0] <= year && year <= years[1] };
}

interface WorkHit {
  entry: BibEntry;
  start: number;
  end: number;
  k: number;
  full: boolean;
  authorNear: boolean;
}

/**
 * The same word spelt another way ("Industrialisation" for the bibliography's "Industrialization",
 * "nastuplenie" for "nastupleniye"): the same first four letters and a length within two.
 */
function sameWordSpeltOtherwise(a: string, b: string): boolean {
  return a.length >= 5 && b.length >= 5 && a.slice(0, 4) === b.slice(0, 4) && Math.abs(a.length - b.length) <= 2;
}

/**
 * Where a title the text names ends, as printed: the matched words (`k` of the title's), then any
 * that follow the title's next words but are spelt otherwise, with only spaces between them, so
 * that the link covers the whole title ("Soviet Workers and Stalinist Industrialisation"), not the
 * words spelt as in the bibliography.
 */
function titleEndAsPrinted(text: string, toks: readonly Token[], i: number, k: number, title: readonly string[]): number {
  let j = k;
  while (j < title.length && i + j < toks.length) {
    const tok = toks[i + j] as Token;
    const gap = text.slice((toks[i + j - 1] as Token).end, tok.start);
    if (!/^\s+$/u.test(gap)) break;
    if (tok.w !== title[j] && !sameWordSpeltOtherwise(tok.w, title[j] as string)) break;
    j++;
  }
  // Nor on a little word whose title goes on where a link cannot follow (an emendation: "KPSS v | Tsifrakh").
  while (j > 1 && j < title.length && STOP.has((toks[i + j - 1] as Token).w)) j--;
  return (toks[i + j - 1] as Token).end;
}

/** Bibliography titles named in a text, longest match first, ambiguous matches dropped. */
function matchTitles(text: string, toks: Token[], works: readonly BibEntry[], knownAuthors: ReadonlySet<string>): WorkHit[] {
  const hits: WorkHit[] = [];
  for (const e of works) {
    const t = titleWords(e);
    if (t.length === 0) continue;
    for (let i = 0; i < toks.length; i++) {
      if ((toks[i] as Token).w !== t[0]) continue;
      // A title cited opens with a capital; "Fitzpatrick describes 'cultural revolution' as follows" names the idea, not her book.
      if (/^['‘"“(]*\p{Ll}/u.test((toks[i] as Token).raw)) continue;
      let k = 0;
      while (k < t.length && i + k < toks.length && (toks[i + k] as Token).w === t[k]) k++;
      // One word cited otherwise, the rest of a long title as listed ("Informatsionnaya spravka o rukovodstve
      // partyacheek stengazetami" for the bibliography's "…svodka o rukovodstve…"): the same work.
      if (k >= 1 && k < t.length - 3) {
        let m = 0;
        while (k + 1 + m < t.length && i + k + 1 + m < toks.length && (toks[i + k + 1 + m] as Token).w === t[k + 1 + m]) m++;
        if (m >= 3 && t.slice(k + 1, k + 1 + m).filter((w) => !STOP.has(w)).length >= 2) k += 1 + m;
      }
      const matched = t.slice(0, k);
      const content = matched.filter((w) => !STOP.has(w)).length;
      const end = (toks[i + k - 1] as Token).end;
      const before = toks.slice(Math.max(0, i - 5), i);
      const names = (b: Token): boolean => entryAuthors(e).some((a) => sameName(a, b.raw));
      const authorNear = before.some((b) => names(b) || [...knownAuthors].some((a) => a === b.w && /^[A-Z]/u.test(b.raw)));
      // The author named earlier in the same note ("Fitzpatrick describes … 'quoted'. Cultural Revolution, p. 27").
      const authorEarlier = toks.slice(0, i).some(names);
      // The editor named after the title ("Resolutions and Decisions of the CPSU, vol. 2, 1917-29. Ed. R. Gregor").
      const authorAfter = toks.slice(i + k, i + k + 6).some(names);
      const after = text.slice(end, end + 70);
      const tail = CITATION_TAIL.test(after);
      const evidence = authorNear || authorAfter || tail;
      const volume = volumeEvidence(e, after);
      // Short or partial titles need the author nearby, or (Russian works) a page or imprint after them;
      // a one-word title ("Sochineniya") a volume the entry has and its author or imprint year.
      const ok =
        (k === t.length && (t.length >= 3 ? evidence || content >= 3 : t.length === 2 ? evidence : authorNear || (volume.listed && (authorEarlier || volume.yearListed)))) ||
        (k >= 3 && content >= 2 && (evidence || e.language === 'ru')) ||
        (k >= 2 && content >= 2 && (authorNear || (tail && e.language === 'ru') || (authorEarlier && PAGE_AFTER.test(after))));
      if (ok) hits.push({ entry: e, start: (toks[i] as Token).start, end: titleEndAsPrinted(text, toks, i, k, t), k, full: k === t.length, authorNear });
    }
  }
  // Keep the best hit per place: the longest; among equals, the one whose year or edition the text gives.
  hits.sort((a, b) => a.start - b.start || b.k - a.k);
  const out: WorkHit[] = [];
  for (const h of hits) {
    if (out.some((o) => h.start < o.end && o.start < h.end && o.k > h.k)) continue;
    const rivals = hits.filter((o) => o !== h && o.start === h.start && o.k === h.k);
    if (rivals.length > 0) {
      const pick = disambiguate([h, ...rivals], text.slice(h.end, h.end + 80), h.authorNear || rivals.some((r) => r.authorNear));
      if (pick !== h) continue;
    }
    if (out.some((o) => o.start === h.start && o.end === h.end)) continue;
    out.push(h);
  }
  return out;
}

/** Among works with the same title start: the one whose year or edition follows in the text, else a sole-author work. */
function disambiguate<T extends { entry: BibEntry }>(cands: T[], after: string, authorNamed = true): T | null {
  const byYear = cands.filter((c) => c.entry.year && after.includes(c.entry.year));
  if (byYear.length === 1) return byYear[0] as T;
  const ed = /\b(1st|first)\b/iu.test(after) ? /1st|first/iu : /\b(2nd|second)\b/iu.test(after) ? /2nd|second/iu : null;
  if (ed) {
    const byEd = cands.filter((c) => ed.test(c.entry.note ?? ''));
    if (byEd.length === 1) return byEd[0] as T;
  }
  const vol = /\b[Vv]ol\.?\s*(\d)/u.exec(after)?.[1];
  if (vol) {
    const byVol = cands.filter((c) => new RegExp(`vol\\.?\\s*${vol}\\b`, 'iu').test(c.entry.note ?? ''));
    if (byVol.length === 1) return byVol[0] as T;
  }
  // A title cited without its author is an anonymous work's; with the author, prefer the sole-author work.
  const people = (c: T): number => c.entry.authors.length + c.entry.editors.length;
  const preferred = cands.filter((c) => (authorNamed ? people(c) === 1 : people(c) === 0));
  if (preferred.length === 1) return preferred[0] as T;
  return null;
}

/** Title words with hyphenated compounds written as one ("Agitprop-rabota" → "agitproprabota"), as citations spell them either way. */
function compactWords(title: string): string[] {
  return normalizeWords(title.replace(/(\p{L})-(\p{L})/gu, '$1$2'));
}

/** Whether every word of `part` appears in `whole`, in order, starting with its first word. */
function shortens(part: readonly string[], whole: readonly string[]): boolean {
  if (part[0] !== whole[0]) return false;
  let j = 0;
  for (const w of whole) if (w === part[j]) j++;
  return j === part.length;
}

/**
 * The bibliography work a full citation names by a shortened title: the author's one work of the
 * cited year whose title holds the cited words in order, from its first word ("N. Maslova,
 * Agitproprabota na predpriyatii (M., 1927)" for "Agitprop-rabota yacheiki na predpriyatii").
 * Null unless exactly one of the author's works fits.
 */
export function shortenedTitleOf(cited: string, year: string | null, authorsWorks: readonly BibEntry[]): BibEntry | null {
  const words = compactWords(cited);
  if (year === null || words.filter((w) => !STOP.has(w)).length < 2) return null;
  const fits = authorsWorks.filter((e) => e.year === year && shortens(words, compactWords(e.title)));
  return fits.length === 1 ? (fits[0] as BibEntry) : null;
}

/**
 * "Foundations of a Planned Economy, 1926-1929, Vols 1 and 2 (London 1969 and 1972)": a title cited
 * with volumes the bibliography lists as entries of their own (vol. 1 by Carr and Davies). The title
 * links to the entry it names; each other volume, to the one entry of the same first author whose
 * title begins the same way, which lists that volume and has the year the imprint gives it.
 */
export function otherVolumesCited(text: string, hit: { entry: BibEntry; end: number }, works: readonly BibEntry[]): { entry: BibEntry; start: number; end: number }[] {
  const vols = /^,?\s*(Vols?\.?\s*(\d+))\s+and\s+(\d+)/u.exec(text.slice(hit.end));
  if (!vols) return [];
  const at = hit.end + vols.index + vols[0].indexOf(vols[1] as string);
  const years = /^\s*\([^()]*?(1[89]\d\d)\s+and\s+(1[89]\d\d)\)/u.exec(text.slice(hit.end + vols[0].length));
  const first = entryAuthors(hit.entry)[0];
  const named = titleWords(hit.entry);
  const spans = [
    { volume: Number(vols[2]), start: at, end: at + (vols[1] as string).length, year: years?.[1] },
    { volume: Number(vols[3]), start: hit.end + vols[0].length - (vols[3] as string).length, end: hit.end + vols[0].length, year: years?.[2] },
  ];
  return spans.flatMap((v) => {
    if (listedVolumes(hit.entry).includes(v.volume)) return [];
    const fits = works.filter((w) => {
      const t = titleWords(w);
      const sameStart = t.length <= named.length ? isPrefixOf(t, named) : isPrefixOf(named, t);
      return w !== hit.entry && first !== undefined && entryAuthors(w)[0] === first && sameStart && listedVolumes(w).includes(v.volume) && (v.year === undefined || w.year === v.year);
    });
    return fits.length === 1 ? [{ entry: fits[0] as BibEntry, start: v.start, end: v.end }] : [];
  });
}

/** Whether `part` is the first words of `whole`. */
function isPrefixOf(part: readonly string[], whole: readonly string[]): boolean {
  return part.length > 0 && part.every((w, k) => whole[k] === w);
}

/**
 * Articles cited by the journal, volume and year they appeared in, without their title ("Sheila
 * Fitzpatrick, writing in Russian Review, Vol 45, 1986, p. 369"): the one article the bibliography
 * lists in that journal, volume and year.
 */
export function findIssueCitations(text: string, articles: readonly BibEntry[]): { entry: BibEntry; start: number; end: number }[] {
  const out: { entry: BibEntry; start: number; end: number }[] = [];
  for (const container of new Set(articles.map((a) => a.container as string))) {
    const re = new RegExp(String.raw`(?<![\p{L}])${escapeRe(container)},?\s+[Vv]ol\.?\s*(\d+),?\s*(1[89]\d\d)\b`, 'gu');
    for (const m of text.matchAll(re)) {
      const fits = articles.filter((a) => a.container === container && a.year === m[2] && listedVolumes(a).includes(Number(m[1])));
      if (fits.length === 1) out.push({ entry: fits[0] as BibEntry, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*`;
// After the title: perhaps its abbreviation in brackets ("(RM)"), perhaps a volume ("V I KPSS, Vol II,
// 1963"), then an issue, date or year ("RM., 9/5/1928", "RM, November-December 1929").
const PERIODICAL_TAIL = String.raw`\.?,?\s*(?:\([^()]{1,10}\),?\s*)?(?:[Vv]ol\.?\s*[IVX\d]+,?\s*)?(?=\d{1,2}\s*(?:and\s*\d{1,2}\s*)?\/\d{1,2}\/\d{2,4}|(?:19)?\d{2}\b|${MONTH}(?:[-–]${MONTH})?\.?,?\s+\d{4}|[Nn]os?\b)`;

const OTHER_PERIODICALS = ['Propagandist', 'Martenovka', 'Sotsialisticheskii Vestnik', 'Russian Review', 'Russian History', 'Izvestiya TsK', 'Izvestiya MK', 'Vechernaya Moskva', 'Sputnik Kommunist'];
/** Names the notes print half-abbreviated or with a letter lost, and the bibliography's name for each (so the citation links to its entry). */
const PERIODICAL_NAMES_IN_TEXT: Readonly<Record<string, string>> = {
  'Izvestiya MK': 'Izvestiya Moskovskogo Komiteta',
  'Izvestiya TsK': "Izvestiya Tsentral'nogo Komiteta",
  'Sputnik Kommunist': 'Sputnik Kommunista',
};

interface PeriodicalPattern {
  re: RegExp;
  name: string;
  abbr: string | null;
  /** The words as the text prints them: the abbreviation, a spelling of it, or the name. */
  shown: string;
}

function periodicalPatterns(edition: Edition): PeriodicalPattern[] {
  const abbrs = parseAbbreviations(edition).filter((a) => a.group === 'periodical');
  const out: PeriodicalPattern[] = [];
  for (const a of abbrs) {
    // One-letter abbreviations (P, B) count only before a full date or year: "P 3/12/1925", "B, 1928".
    const tail = a.abbr.length === 1 ? String.raw`\.?,?\s*(?=\d{1,2}\/\d{1,2}\/\d{2,4}|19\d\d\b)` : PERIODICAL_TAIL;
    for (const shown of [a.abbr, ...(ABBREVIATION_SPELLINGS_IN_TEXT[a.abbr] ?? [])]) {
      out.push({ re: new RegExp(String.raw`(?<![\p{L}'])${escapeRe(shown)}(?![\p{L}])${tail}`, 'gu'), name: a.expansion, abbr: a.abbr, shown });
    }
    out.push({ re: new RegExp(String.raw`(?<![\p{L}'])${escapeRe(a.expansion)}(?![\p{L}])${PERIODICAL_TAIL}`, 'gu'), name: a.expansion, abbr: null, shown: a.expansion });
  }
  for (const shown of OTHER_PERIODICALS) out.push({ re: new RegExp(String.raw`(?<![\p{L}'])${escapeRe(shown)}(?![\p{L}])${PERIODICAL_TAIL}`, 'gu'), name: PERIODICAL_NAMES_IN_TEXT[shown] ?? shown, abbr: null, shown });
  return out;
}

const PROCEEDINGS = /\b(?:[IVX]+|Sed'moi|Pyatyi|Shestoi|Vtoroi|Chetvertyi)\s+(?:(?:ob(?:"|'|\.)?(?:edinenn?yi)?|Ob(?:"|'|\.)?(?:edinenn?yi)?)\.?\s+)?[Pp]lenum\b|\b[IVX]+\s+(?:Moskovskay\w\s+)?(?:[Gg]ubernskaya|[Oo]blast'naya)\b|\b[IVX]+\s+S"ezd\b|\bKonferentsiya\b/gu;
const IMPRINT = /\((?:[^()]{0,80}?,\s*)?(?:M|L|M-L|London|New York|Cambridge(?:, Mass\.)?|Princeton|Oxford|Leningrad|Moscow|Munich|Paris)\.?,?\s*(?:1[89]\d\d)\)/gu;
const ABBREVIATED = /\b(?:([Oo]p\.?\s?cit)|([Ll]oc\.?\s?cit)|([Ii]bid))\b\.?/gu;
const LOCAL_FULL = /(?<![\p{L}])((?:Ed\.\s+)?(?:[A-Z]\.\s?){1,3})\s*([A-Z][\p{L}'’-]+),\s+(.{3,220}?)(?:\(([^()]*?1[89]\d\d)\)|,\s+((?:[A-Z][\p{L}]+\s?){1,3}),\s*(1[89]\d\d))/gu;

/** The sentence around a span (full stops inside brackets or after initials do not end it), as a label. */
export function sentenceAround(text: string, start: number, end: number): string {
  const isStop = (i: number): boolean => {
    if (text[i] !== '.' && text[i] !== ';') return false;
    if (!/^\s+[A-Z(]/u.test(text.slice(i + 1, i + 3))) return false;
    if (text[i] === '.' && /(?:^|[\s(.])[A-Z]$/u.test(text.slice(Math.max(0, i - 2), i))) return false;
    const open = (text.slice(0, i).match(/\(/gu) ?? []).length - (text.slice(0, i).match(/\)/gu) ?? []).length;
    return open <= 0;
  };
  let from = start;
  while (from > 0 && !isStop(from - 1)) from--;
  let to = end;
  while (to < text.length && !isStop(to)) to++;
  return text.slice(from, Math.min(text.length, to + 1)).replace(/\s+/gu, ' ').trim().slice(0, 240);
}

function overlaps(a: { start: number; end: number }, list: readonly { start: number; end: number }[]): boolean {
  return list.some((b) => a.start < b.end && b.start < a.end);
}

/** Authors in the bibliography who are also people the thesis writes about. */
const ACTORS = new Set(['stalin', 'bauman', 'leonov']);

const LIST_SECTIONS = new Set(['bibliography', 'abbreviations', 'glossary']);

const cache = new WeakMap<Edition, CitationStream>();

/** Build the citation stream of the whole edition. */
export function citationStream(edition: Edition): CitationStream {
  const hit = cache.get(edition);
  if (hit) return hit;
  const bib = parseBibliography(edition).entries;
  const works = bib.filter((e) => e.type !== 'archive' && e.type !== 'periodical' && e.type !== 'proceedings');
  const periodicalEntries = bib.filter((e) => e.type === 'periodical');
  const patterns = periodicalPatterns(edition);
  const articles = works.filter((e) => e.type === 'article' && e.container !== null);
  const knownAuthors = new Set<string>(works.flatMap(entryAuthors).map(nameKey));
  const reports = bib.flatMap((entry) => {
    const meeting = meetingOfEntry(entry);
    return meeting ? [{ entry, meeting }] : [];
  });
  const meetingsCited: CitedMeeting[] = [];
  const mentions: Mention[] = [];
  const abbreviated: Abbreviated[] = [];
  const archival: ArchivalReference[] = [];
  const byScope = new Map<string, Mention[]>();
  let refCount = 0;
  let exampleCount = 0;

  const periodicalEntry = (name: string): BibEntry | null => periodicalEntries.find((e) => nameKey(e.title) === nameKey(name)) ?? null;
  const worksBy = (author: string): BibEntry[] => works.filter((e) => entryAuthors(e).some((a) => sameName(a, author)));

  const makeRef = (c: TextContext, m: Pick<ArchivalMention, 'archive' | 'fond' | 'opis' | 'delo' | 'folios' | 'form' | 'raw' | 'remarks' | 'linkStart' | 'linkEnd'>, continues: string | null): ArchivalReference => {
    // An example of the citation form (Introduction n. 40's "Hereafter…") is linked but not a reference: it is numbered apart, so the references' ids run without a gap.
    const id = m.form === 'example' ? `arch-example-${++exampleCount}` : `arch-${++refCount}`;
    const ref: ArchivalReference = { id, archive: m.archive, fond: m.fond, opis: m.opis, delo: m.delo, folios: m.folios, form: m.form, raw: m.raw, remarks: [...m.remarks], section: c.section, slug: c.slug, noteId: c.block, scope: c.scope, noteN: c.n, page: c.page, pageApproximate: c.pageApproximate, line: c.line, opisSupplied: false, linkStart: m.linkStart, linkEnd: m.linkEnd, continues };
    archival.push(ref);
    return ref;
  };

  for (const c of textContexts(edition)) {
    // The lists themselves (bibliography, abbreviations, glossary) cite nothing.
    if (LIST_SECTIONS.has(c.section)) continue;
    const text = c.flat.text;
    const toks = tokens(text);
    const firstRef = archival.length;
    const scoped = byScope.get(c.scope) ?? [];
    byScope.set(c.scope, scoped);
    const isCitationPlace = c.noteId !== null || c.sectionKind !== 'chapter' || /Source|op\.? ?cit|[Ii]bid/u.test(text);
    const found: Mention[] = [];
    const push = (m: Omit<Mention, 'context'>): void => {
      found.push({ context: c, ...m });
    };

    // Archival files (explicit references; 'loc. cit.' continuations are tokens, below).
    const arch = c.noteId !== null ? findArchivalMentions(text) : [];
    for (const m of arch) {
      if (m.form === 'loc-cit' || m.form === 'example') continue;
      const ref = makeRef(c, m, null);
      push({ start: m.start, end: m.end, linkStart: m.linkStart, linkEnd: m.linkEnd, target: { kind: 'archival', ref, label: m.raw }, authors: [], via: 'archival', abbr: null });
    }
    const examples = arch.filter((m) => m.form === 'example');
    for (const m of examples) makeRef(c, m, null);

    if (isCitationPlace) {
      // Reports of Moscow conferences and plenums, first: their titles hold words of other titles
      // ("Moskovskaya gorodskaya", as in the 1972 handbook), which must not be taken for those works.
      for (const p of findMeetingCitations(text)) {
        const span = { start: p.start, end: p.end };
        if (overlaps(span, found)) continue;
        const entry = reportCited(p.meeting, c.scope, meetingsCited, reports);
        meetingsCited.push({ meeting: p.meeting, scope: c.scope, entry });
        if (entry) push({ ...span, linkStart: p.start, linkEnd: p.titleEnd, target: { kind: 'bib', entry, label: entry.text }, authors: [], via: 'proceedings', abbr: null });
        // A meeting the bibliography does not list (the IV plenum of 1925) stays a citation of its note.
        else push({ ...span, linkStart: p.start, linkEnd: p.start, target: { kind: 'generic', context: c, label: sentenceAround(text, p.start, p.end) }, authors: [], via: 'generic', abbr: null });
      }
      // Bibliography titles, full or short, with or without the author.
      for (const h of matchTitles(text, toks, works, knownAuthors)) {
        if (overlaps(h, found)) continue;
        const printed = /([A-Z][\p{L}'’-]+),\s*$/u.exec(text.slice(Math.max(0, h.start - 40), h.start))?.[1];
        push({ start: h.start, end: h.end, linkStart: h.start, linkEnd: h.end, target: { kind: 'bib', entry: h.entry, label: h.entry.text }, authors: [...entryAuthors(h.entry), ...(printed ? [printed] : [])], via: 'title', abbr: null });
        // No authors: a later "Carr, op. cit." stands for the work the title names, not for this volume.
        for (const v of otherVolumesCited(text, h, works)) if (!overlaps(v, found)) push({ ...v, linkStart: v.start, linkEnd: v.end, target: { kind: 'bib', entry: v.entry, label: v.entry.text }, authors: [], via: 'title', abbr: null });
      }
      // "Fainsod, Smolensk", "Carr, Foundations": a surname and the first word(s) of one of that author's titles.
      for (const m of text.matchAll(/(?<![\p{L}])([A-Z][\p{L}'’-]+),\s+(?:<i>)?([A-Z][\p{L}'’-]+)/gu)) {
        const author = m[1] as string;
        const cands = worksBy(author);
        if (cands.length === 0) continue;
        const at = (m.index ?? 0) + m[0].length - (m[2] as string).length;
        // "Carr, The Interregnum": titles are compared without their leading article.
        const following = toks.filter((t) => t.start >= at);
        const after = following[0]?.w === 'the' ? following.slice(1) : following;
        const scored = cands.map((e) => {
          const t = titleWords(e);
          let k = 0;
          while (k < t.length && k < after.length && (after[k] as Token).w === t[k]) k++;
          return { entry: e, k };
        }).filter((s) => s.k >= 1 && !STOP.has(titleWords(s.entry)[0] ?? ''));
        if (scored.length === 0) continue;
        const best = Math.max(...scored.map((s) => s.k));
        const top = scored.filter((s) => s.k === best);
        const end = (after[best - 1] as Token).end;
        const pick = top.length === 1 ? top[0] : disambiguate(top, text.slice(end, end + 60));
        if (!pick) continue;
        const span = { start: at, end };
        if (overlaps(span, found)) continue;
        push({ ...span, linkStart: at, linkEnd: end, target: { kind: 'bib', entry: pick.entry, label: pick.entry.text }, authors: [...entryAuthors(pick.entry), author], via: 'short-title', abbr: null });
      }
      // "Daniels, p. 274": an author and a page, the work being the author's last cited (or only) one.
      for (const m of text.matchAll(/(?<![\p{L}])([A-Z][\p{L}'’-]+),\s+pp?\.\s*\d/gu)) {
        const author = m[1] as string;
        if (!knownAuthors.has(nameKey(author)) && !scoped.some((x) => x.authors.some((a) => sameName(a, author)))) continue;
        const span = { start: m.index ?? 0, end: (m.index ?? 0) + author.length };
        if (overlaps(span, found)) continue;
        const target = resolveAuthor(author, scoped, mentions, worksBy);
        if (target) push({ ...span, linkStart: span.start, linkEnd: span.end, target: target.target, authors: [author], via: 'short-title', abbr: null });
      }
      // Articles cited by journal, volume and year ("Russian Review, Vol 45, 1986, p. 404").
      for (const h of findIssueCitations(text, articles)) {
        if (overlaps(h, found)) continue;
        // The issue after the article's own title belongs to that citation ("…1928', Japanese Slavonic… Studies, Vol.4, 1983").
        if (found.some((f) => f.target.kind === 'bib' && f.target.entry === h.entry && f.end <= h.start && h.start - f.end <= 20)) continue;
        push({ ...h, linkStart: h.start, linkEnd: h.end, target: { kind: 'bib', entry: h.entry, label: h.entry.text }, authors: entryAuthors(h.entry), via: 'issue', abbr: null });
      }
      // Full references to works outside the bibliography: "L. Viola, 'The 25, 000ers…', Russian History, 1983".
      for (const m of text.matchAll(LOCAL_FULL)) {
        const start = (m.index ?? 0) + (m[0].length - m[0].trimStart().length);
        const span = { start, end: (m.index ?? 0) + m[0].length };
        const author = m[2] as string;
        knownAuthors.add(nameKey(author));
        const covered = found.find((f) => f.target.kind === 'bib' && span.start <= f.start && f.end <= span.end + 80);
        if (covered) {
          covered.authors.push(author);
          continue;
        }
        if (overlaps(span, found)) continue;
        const cited = m[3] as string;
        const work = shortenedTitleOf(cited, /(1[89]\d\d)/u.exec(m[4] ?? m[6] ?? '')?.[1] ?? null, worksBy(author));
        if (work) {
          const titleStart = (m.index ?? 0) + m[0].indexOf(cited, (m[1] as string).length + author.length);
          push({ ...span, linkStart: titleStart, linkEnd: titleStart + cited.replace(/[\s,.;:]+$/u, '').length, target: { kind: 'bib', entry: work, label: work.text }, authors: [...entryAuthors(work), author], via: 'title', abbr: null });
          continue;
        }
        push({ ...span, linkStart: span.start, linkEnd: span.start, target: { kind: 'local', context: c, label: text.slice(span.start, span.end).trim() }, authors: [author], via: 'local', abbr: null });
      }
      // Newspapers and journals with a date or issue.
      for (const p of patterns) {
        for (const m of text.matchAll(p.re)) {
          const start = m.index ?? 0;
          const tail = /^[^;]{0,40}?(?:\d{1,2}\s*(?:and\s*\d{1,2}\s*)?\/\d{1,2}\/\d{2,4}|(?:19)?\d\d\b(?:,\s*[Nn]os?\.?\s*\d+(?:-\d+)?)?|[Nn]os?\.?\s*\d+(?:-\d+)?)/u.exec(text.slice(start));
          const span = { start, end: start + (tail ? tail[0].length : m[0].length) };
          if (overlaps(span, found)) continue;
          const entry = periodicalEntry(p.name);
          const label = text.slice(span.start, span.end).replace(/\s+/gu, ' ').trim();
          push({ ...span, linkStart: start, linkEnd: start + p.shown.length, target: { kind: 'periodical', entry, context: c, label: `${label}${p.abbr ? ` (${p.abbr} = ${p.name})` : ''}` }, authors: [], via: 'periodical', abbr: p.abbr });
        }
      }
      // Stenographic reports and other publications known only by their imprint.
      for (const re of [PROCEEDINGS, IMPRINT]) {
        for (const m of text.matchAll(re)) {
          const span = { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
          if (overlaps(span, found)) continue;
          // The imprint of a work already recognised belongs to that citation.
          const owner = re === IMPRINT ? found.find((f) => f.end <= span.start && span.start - f.end <= 40 && !/\.\s+[A-Z]|;/u.test(text.slice(f.end, span.start))) : undefined;
          if (owner) {
            owner.end = span.end;
            continue;
          }
          push({ ...span, linkStart: span.start, linkEnd: span.start, target: { kind: 'generic', context: c, label: sentenceAround(text, span.start, span.end) }, authors: [], via: 'generic', abbr: null });
        }
      }
    }

    // Abbreviated references, resolved in reading order against everything cited before them.
    const tokensHere = [...text.matchAll(ABBREVIATED)].map((m) => ({
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
      raw: m[0],
      token: (m[1] ? 'op. cit.' : m[2] ? 'loc. cit.' : 'ibid.') as AbbreviatedToken,
    }));
    const events = [
      ...found.map((m) => ({ at: m.start, m, t: null })),
      ...tokensHere.map((t) => ({ at: t.start, m: null, t })),
    ].sort((a, b) => a.at - b.at);
    for (const ev of events) {
      if (ev.m) {
        if (overlaps(ev.m, tokensHere)) continue;
        scoped.push(ev.m);
        mentions.push(ev.m);
        continue;
      }
      const t = ev.t as (typeof tokensHere)[number];
      const resolved = identifiedToken(c, t, text, bib) ?? resolveToken(c, t, text, toks, scoped, mentions, knownAuthors, worksBy, arch, makeRef);
      abbreviated.push(resolved.abbreviated);
      if (resolved.mention) {
        scoped.push(resolved.mention);
        mentions.push(resolved.mention);
      }
    }
    numberInReadingOrder(archival, firstRef);
  }
  supplyMissingOpis(archival);
  const result = { mentions, abbreviated, archival };
  cache.set(edition, result);
  return result;
}

/**
 * Renumbers one note's references in the order they are printed: its continuations ("TsGAOR, loc.
 * cit., and 7952/ 3/ 94, 84") are resolved after its explicit files, so they were numbered last.
 */
function numberInReadingOrder(archival: ArchivalReference[], from: number): void {
  const mine = archival.slice(from);
  if (mine.length < 2) return;
  const inPrint = [...mine].sort((a, b) => a.linkStart - b.linkStart);
  const renamed = new Map(inPrint.map((r, i) => [r.id, (mine[i] as ArchivalReference).id]));
  for (const r of mine) {
    r.id = renamed.get(r.id) ?? r.id;
    if (r.continues !== null) r.continues = renamed.get(r.continues) ?? r.continues;
  }
  archival.splice(from, mine.length, ...inPrint);
}

type TokenAt = { start: number; end: number; raw: string; token: AbbreviatedToken };
type Resolution = { abbreviated: Abbreviated; mention: Mention | null };

/** An abbreviated reference resolved (or not) to `target`, and the mention it then counts as. */
function resolution(c: TextContext, t: TokenAt, target: Target | null, author: string | null, reason: string, identified = false): Resolution {
  return {
    abbreviated: { context: c, token: t.token, start: t.start, end: t.end, raw: t.raw, author, target, reason, identified },
    mention: target ? { context: c, start: t.start, end: t.end, linkStart: t.start, linkEnd: t.end, target, authors: author ? [author] : [], via: t.token === 'ibid.' ? 'ibid' : t.token === 'op. cit.' ? 'op-cit' : 'loc-cit', abbr: null } : null,
  };
}

type MakeRef = (c: TextContext, m: Pick<ArchivalMention, 'archive' | 'fond' | 'opis' | 'delo' | 'folios' | 'form' | 'raw' | 'remarks' | 'linkStart' | 'linkEnd'>, continues: string | null) => ArchivalReference;

/**
 * An abbreviated reference the editor has identified (content/citations/identifications.json names
 * its words in the note): it stands for that entry, whatever the rule would say, and the reason is
 * kept. Intro n. 64's "Carr, op. cit., pp. 334-5" would by rule be the Carr cited last (The
 * Bolshevik Revolution), but its subject is the 1923 opposition, which The Interregnum treats.
 */
function identifiedToken(c: TextContext, t: TokenAt, text: string, bib: readonly BibEntry[]): Resolution | null {
  const id = IDENTIFICATIONS.find((x) => {
    const at = x.note === c.block ? text.indexOf(x.text) : -1;
    return at >= 0 && at < t.end && t.start < at + x.text.length;
  });
  const entry = id ? bib.find((e) => e.id === id.entry) : undefined;
  if (!id || !entry) return null;
  return resolution(c, t, { kind: 'bib', entry, label: entry.text }, entryAuthors(entry)[0] ?? null, `identified by the editor: ${id.reason}`, true);
}

/** Resolve one op. cit. / loc. cit. / Ibid. */
function resolveToken(
  c: TextContext,
  t: TokenAt,
  text: string,
  toks: readonly Token[],
  scoped: readonly Mention[],
  all: readonly Mention[],
  knownAuthors: ReadonlySet<string>,
  worksBy: (a: string) => BibEntry[],
  arch: readonly ArchivalMention[],
  makeRef: MakeRef,
): Resolution {
  const done = (target: Target | null, author: string | null, reason: string): Resolution => resolution(c, t, target, author, reason);
  // raw: the citation as printed, the token with the folio it gives ("Ibid, II. 35-40", "TsGAOR, loc. cit.").
  const continueArchival = (prev: ArchivalReference, folios: string | null, form: 'ibid' | 'loc-cit', raw: string): Target => {
    const remarks = [`continues ${prev.noteId === c.block ? 'the reference before it' : `the reference in ${prev.noteId}`} (${t.token})`];
    // "Ibid., p. 122" after a file: the thesis's "p." read as the file's folio, and said so.
    const page = /\bpp?\.(?=\s*\d)/u.exec(raw)?.[0];
    if (page) remarks.push(`the thesis writes "${page}": read as the file's folio`);
    const ref = makeRef(c, { archive: prev.archive, fond: prev.fond, opis: prev.opis, delo: prev.delo, folios, form, raw, remarks, linkStart: t.start, linkEnd: t.end }, prev.id);
    return { kind: 'archival', ref, label: ref.raw };
  };

  // "TsGAOR, loc. cit.": the archive's last file.
  const archLoc = arch.find((m) => m.form === 'loc-cit' && m.linkStart <= t.start && t.start < m.linkEnd + 1);
  if (archLoc) {
    const prev = [...scoped].reverse().find((m) => m.target.kind === 'archival' && m.target.ref.archive === archLoc.archive);
    if (!prev || prev.target.kind !== 'archival') return done(null, null, 'no earlier file of this archive in the scope');
    // "In the place cited": the same folios as the citation it continues.
    return done(continueArchival(prev.target.ref, prev.target.ref.folios, 'loc-cit', archLoc.raw), null, `the ${archLoc.archive} file cited in ${prev.context.block}`);
  }

  if (t.token === 'ibid.') {
    // "Martenovka, 7/2/1928. Quoted in ibid.": the quoting source is the one cited before this note.
    const quotedIn = /[Qq]uoted in\s*$/u.test(text.slice(Math.max(0, t.start - 12), t.start));
    const prev = quotedIn ? [...scoped].reverse().find((m) => m.context !== c) : scoped[scoped.length - 1];
    if (!prev) return done(null, null, 'nothing cited before it in this scope');
    if (prev.target.kind === 'archival') {
      const folio = /^\.?,?\s*(?:(?:pp?\.|ll?\.|II\.|I\.|1\.)\s*)?(\d+(?:\s*[-–]\s*\d+)?)/u.exec(text.slice(t.end));
      return done(continueArchival(prev.target.ref, folio ? (folio[1] as string).replace(/\s+/gu, '') : null, 'ibid', t.raw + (folio?.[0] ?? '')), null, `the file cited in ${prev.context.block}`);
    }
    return done(prev.target, prev.authors[0] ?? null, `the previous citation, in ${prev.context.block}`);
  }

  // op. cit. / loc. cit.: find the author named before it in the same block.
  const before = toks.filter((k) => k.end <= t.start).reverse();
  const isAuthor = (k: Token): boolean => /^[A-Z]/u.test(k.raw) && ([...knownAuthors].some((a) => sameName(a, k.raw)) || scoped.some((m) => m.authors.some((a) => sameName(a, k.raw))));
  // "Chase, op. cit." names the author right before; otherwise the nearest author named earlier,
  // skipping authors who are also actors in the story (Stalin, Bauman, Leonov).
  const adjacent = before[0] && /^[\s,(]*$/u.test(text.slice(before[0].end, t.start)) && isAuthor(before[0]) ? before[0] : undefined;
  const authorTok = adjacent ?? before.find((k) => isAuthor(k) && !ACTORS.has(nameKey(k.raw)));
  if (!authorTok) {
    if (t.token === 'loc. cit.') {
      // "III oblast'naya i II gorodskaya konferentsiya, loc. cit.": the work named right before it.
      const named = scoped[scoped.length - 1];
      if (named && named.context === c && /^[\s,]*$/u.test(text.slice(named.end, t.start))) return done(named.target, null, 'the work named right before it');
    }
    return done(null, null, 'no author named before it in the note');
  }
  const author = authorTok.raw.replace(/['’]s$/u, '');
  const r = resolveAuthor(author, scoped, all, worksBy);
  if (r) return done(r.target, author, r.reason);
  const n = worksBy(author).length;
  return done(null, author, n > 1 ? `${n} works by ${author} in the bibliography and no earlier full reference` : `no full reference to ${author} found`);
}

/** The work an author's name stands for: cited earlier in the scope, else the author's only bibliography entry, else cited earlier anywhere. */
function resolveAuthor(author: string, scoped: readonly Mention[], all: readonly Mention[], worksBy: (a: string) => BibEntry[]): { target: Target; reason: string } | null {
  const byAuthor = (m: Mention): boolean => (m.via === 'title' || m.via === 'short-title' || m.via === 'issue' || m.via === 'local' || m.via === 'op-cit' || m.via === 'loc-cit') && m.authors.some((a) => sameName(a, author));
  const inScope = [...scoped].reverse().find(byAuthor);
  if (inScope) return { target: inScope.target, reason: `${author}'s work cited earlier in this scope (${inScope.context.block})` };
  const entries = worksBy(author);
  if (entries.length === 1) {
    const e = entries[0] as BibEntry;
    return { target: { kind: 'bib', entry: e, label: e.text }, reason: `${author}'s only work in the bibliography` };
  }
  const earlier = [...all].reverse().find(byAuthor);
  if (earlier) return { target: earlier.target, reason: `${author}'s work cited earlier in the thesis (${earlier.context.block})` };
  return null;
}

/** "TsGAOR 7952/253": supply the opis when every other citation of the fond gives the same one. */
function supplyMissingOpis(refs: ArchivalReference[]): void {
  for (const r of refs) {
    if (r.archive === 'T' || r.opis !== null || r.fond === null) continue;
    const others = new Set(refs.filter((o) => o.archive === r.archive && o.fond === r.fond && o.opis !== null).map((o) => o.opis));
    if (others.size === 1) {
      r.opis = [...others][0] as string;
      r.opisSupplied = true;
      r.remarks.push(`opis ${r.opis} supplied by the editor: every other citation of fond ${r.fond} is to opis ${r.opis}`);
    }
  }
  // Continuations copy their reference's reading.
  for (const r of refs) {
    if (!r.continues) continue;
    const of = refs.find((o) => o.id === r.continues);
    if (of && r.opis === null) r.opis = of.opis;
  }
}

export { folioAfter };
