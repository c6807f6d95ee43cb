/**
 * Every link this feature adds to the text, as Annotations (pure functions of the Edition):
 * archival references → the Archives index; works, op. cit., loc. cit. and Ibid. → the
 * bibliography or the note with the full reference; abbreviations → the Abbreviations page;
 * glossary terms → the Glossary; cross-references → their target. And the counts the build prints.
 */
import type { Edition } from '../pipeline/model.ts';
import type { Annotation } from '../annotations/types.ts';
import { fileAnchor, shortForm, type ArchivalReference } from './archival.ts';
import { bibliographyHref } from './anchors.ts';
import { entryLabel, parseBibliography } from './bibliography.ts';
import { contextHref, textContexts, type TextContext } from './contexts.ts';
import { ABBREVIATION_SPELLINGS_IN_TEXT, GLOSSARY_SPELLINGS_IN_TEXT, parseAbbreviations, parseGlossary, type Abbreviation } from './glossary.ts';
import { IDENTIFICATIONS, placeIdentifications } from './identifications.ts';
import { citationStream, NAMING_VIAS, type Target } from './stream.ts';
import { successorOf } from './successors.ts';
import { annotationAround, annotationFor, escapeRe, type FlatText } from './text.ts';
import { crossReferenceReport, crossReferences } from './xrefs.ts';
import { countArchivalCandidates, findArchivalMentions } from './archival.ts';
import { findMeetingCitations } from './proceedings.ts';

const letters = (text: string): number => (text.match(/[\p{L}\p{N}]/gu) ?? []).length;

/** Which link wins where two would overlap: the more specific one. */
const PRIORITY: Readonly<Record<string, number>> = { 'archival-ref': 0, xref: 1, bib: 2, abbr: 3, gloss: 4 };

interface Candidate {
  context: TextContext;
  start: number;
  end: number;
  /** A shorter span to try when `end` runs into another text node ("<i>Ibid.</i>, p. 12"). */
  fallbackEnd?: number;
  /** Narrower spans to try, in order, when [start, end) runs into another text node (a title widened to its article or its dates across an emendation). */
  alternatives?: { start: number; end: number }[];
  href: string;
  /** Shown on hover; omitted where the link text says it all (cross-references). */
  title?: string;
  className: string;
}

/** The tooltip of an archival link: the reference in full, and where the file is now. */
export function archivalTitle(r: ArchivalReference): string {
  const where = r.archive === 'T' ? `Trotsky Archive, document ${r.delo}` : `${r.archive}, fond ${r.fond}, opis ${r.opis ?? '?'}${r.opisSupplied ? ' (supplied by the editor)' : ''}, delo ${r.delo}${r.folios ? `, folio(s) ${r.folios}` : ''}`;
  const now = successorOf(r.archive);
  return `${where}${r.form === 'ibid' || r.form === 'loc-cit' ? ` (${r.form === 'ibid' ? 'Ibid.' : 'loc. cit.'})` : ''}. Archives index: every citation of this file${now ? `; the archive is now part of ${now.successor.split(',')[0]} (the editor's note, not the thesis's)` : ''}.`;
}

/** An Ibid. link takes in the page or issue that follows ("Ibid., p. 75"): a larger target that reads as one reference. */
export function ibidLinkEnd(text: string, token: string, end: number): number {
  if (token !== 'ibid.') return end;
  const m = /^,?\s*(?:pp?\.|[Nn]os?\.?|ll?\.|vol\.)\s*\d+(?:\s*[-–]\s*\d+)?/u.exec(text.slice(end));
  return m ? end + m[0].length : end;
}

/**
 * Where a title's link begins: the bibliography matches a title without its leading article, and an
 * article's title without its opening quote, but the link covers the title as the note prints it
 * ("L. Schapiro, The Communist Party…", "A. Sadler, 'The Party Organisation in the Soviet Enterprise'").
 * The quote is taken only where the link closes it: a title whose quote closes after the link (its
 * dates follow) keeps the quote outside, so a link never holds half a pair.
 */
export function titleLinkStart(text: string, start: number, end: number): number {
  const before = text.slice(0, start);
  const linked = text.slice(start, end);
  // "The"/"A"/"An" as a word of its own (not the initial in "J. A. Getty", which has its full stop).
  const article = /(?<=^|[\s('"])(?:The|An|A) $/u.exec(before);
  const from = article ? start - article[0].length : start;
  const closesQuote = linked.endsWith("'") && !linked.startsWith("'");
  return closesQuote && text[from - 1] === "'" && !/[\p{L}\p{N}]/u.test(text[from - 2] ?? '') ? from - 1 : from;
}

/** Words that begin a citation's volume, issue or page, not its title. */
const NOT_TITLE_WORD = /^(?:vols?|nos?|pp?|chap|ch|chapters?|part|kniga|tom|edn|table)\b/iu;

/**
 * Where a title's link ends: the bibliography's form of a title can stop short of the one the note
 * prints, and the link covers the printed title. It takes in the rest of an italic title, a date or
 * word cut at a hyphen ("1928-32", "iyul'-oktyabr'"), the ")" of "VKP(b)", a quoted title to its
 * closing quote, and up to eight more words of an unquoted title where its imprint or page follows
 * ("…in the Social History of Interwar Russia (London, 1983)", "…membership in the Soviet Union, p. 52").
 * Null where a quotation goes on in words other than the entry's: the quoted title is another work
 * that begins with this one's name ("S. Fitzpatrick, 'Cultural Revolution as Class War'").
 */
export function titleLinkEnd(flat: FlatText, start: number, end: number, entryTitle: string): number | null {
  const text = flat.text;
  let to = Math.max(end, italicTitleEnd(flat, start, end));
  if (/[\p{L}\p{N}]'?$/u.test(text.slice(Math.max(0, to - 2), to))) to += /^-[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*'?/u.exec(text.slice(to))?.[0].length ?? 0;
  const count = (c: string): number => text.slice(start, to).split(c).length - 1;
  while (text[to] === ')' && count('(') > count(')')) to++;
  const quoted = /(?:^|[^\p{L}\p{N}])'(?:(?:The|An|A) )?$/u.test(text.slice(Math.max(0, start - 6), start)) || text[start] === "'";
  if (quoted) return text.slice(start + 1, to).endsWith("'") ? to : quotedTitleEnd(text, start, end, to, entryTitle);
  // A link to a volume ("Vols 1") names no title to go on with.
  if (!/[\p{L}\p{N})]/u.test(text[to - 1] ?? '') || NOT_TITLE_WORD.test(text.slice(start, to))) return to;
  const more = /^((?:\s+[\p{L}\p{N}][\p{L}\p{N}'’()-]*){1,8}?)(?=\s\((?=[^)]{0,40}\b\d{4}\))|,\s*pp?\.\s*\d)/u.exec(text.slice(to));
  if (!more || (more[1] as string).trim().split(/\s+/u).some((w) => NOT_TITLE_WORD.test(w))) return to;
  return to + (more[1] as string).length;
}

/** The end of the italics a link begins (after at most an article): the printed title's end; else `end`. */
function italicTitleEnd(flat: FlatText, start: number, end: number): number {
  const run = flat.runs.find((r) => r.start <= start && start < r.end);
  if (!run?.emphasis || run.textNode === null || end > run.end || start - run.start > 4) return end;
  let to = run.end;
  while (to > end && /[\s,.;:]/u.test(flat.text[to - 1] as string)) to--;
  return to;
}

/** A quoted title's link runs to its closing quote; null where the quotation goes on in other words than the entry's. */
function quotedTitleEnd(text: string, start: number, end: number, to: number, entryTitle: string): number | null {
  // The closing quote: one not between two letters (a soft sign is), before punctuation, an imprint or the end.
  const close = /^((?:[^'\n;()]|(?<=\p{L})'(?=\p{L})){0,100}?)'(?=[,.;:)]|\s\(|\s*$)/u.exec(text.slice(to));
  if (!close) return to;
  const linked = text.slice(start, end).replace(/^'/u, '');
  const entryGoesOn = entryTitle.toLowerCase().startsWith(linked.toLowerCase()) ? entryTitle.slice(linked.length) : '';
  const words = (x: string): string[] => x.toLowerCase().match(/\p{L}{2,}/gu) ?? [];
  const gap = words(close[1] as string);
  // Printed and listed forms of one title differ ("…industrializatsiyu strany, 1926-28 gg." and "…(1926-1928gg)"), but share a word.
  if (words(entryGoesOn).length > 0 && gap.length > 0 && !gap.some((w) => words(entryGoesOn).includes(w))) return null;
  return to + close[0].length;
}

/** Where a resolved reference points, and what the reader sees on hover. */
export function targetLink(t: Target): { href: string; title: string; className: string } {
  switch (t.kind) {
    case 'bib':
      return { href: bibliographyHref(t.entry), title: entryLabel(t.entry), className: 'bib' };
    case 'archival':
      return { href: `/archives/#${fileAnchor(t.ref)}`, title: archivalTitle(t.ref), className: 'archival-ref' };
    case 'periodical':
      return t.entry ? { href: bibliographyHref(t.entry), title: t.label, className: 'bib' } : { href: contextHref(t.context), title: t.label, className: 'bib' };
    case 'local':
    case 'generic':
      return { href: contextHref(t.context), title: t.label, className: 'bib' };
  }
}

function archivalCandidates(edition: Edition, byBlock: Map<string, TextContext>): Candidate[] {
  return citationStream(edition)
    .archival.filter((r) => r.form !== 'example')
    .flatMap((r) => {
      const c = byBlock.get(r.noteId);
      const end = r.form === 'ibid' && c ? ibidLinkEnd(c.flat.text, 'ibid.', r.linkEnd) : r.linkEnd;
      return c ? [{ context: c, start: r.linkStart, end, fallbackEnd: r.linkEnd, href: `/archives/#${fileAnchor(r)}`, title: `${shortForm(r)} — ${archivalTitle(r)}`, className: 'archival-ref' }] : [];
    });
}

function bibCandidates(edition: Edition, byBlock: Map<string, TextContext>): Candidate[] {
  const s = citationStream(edition);
  const out: Candidate[] = [];
  for (const m of s.mentions) {
    if (NAMING_VIAS.has(m.via) && m.target.kind === 'bib' && m.linkEnd > m.linkStart) {
      const end = titleLinkEnd(m.context.flat, m.linkStart, m.linkEnd, m.target.entry.title);
      // A quotation that goes on past the title in other words names another work ("'Cultural Revolution as Class War'").
      if (end === null) continue;
      const start = titleLinkStart(m.context.flat.text, m.linkStart, end);
      const alternatives = [{ start: m.linkStart, end }, { start: titleLinkStart(m.context.flat.text, m.linkStart, m.linkEnd), end: m.linkEnd }, { start: m.linkStart, end: m.linkEnd }];
      out.push({ context: m.context, start, end, alternatives, ...targetLink(m.target), className: 'bib' });
    }
    // A periodical written out ("Bol'shevik, 1928, No.12", "Propagandist, 1930") links to its bibliography
    // entry, as the "Ibid." after it does; an abbreviated one ("RM, 10/1/1927") links to the abbreviations.
    if (m.via === 'periodical' && m.abbr === null && m.target.kind === 'periodical' && m.target.entry && m.linkEnd > m.linkStart) {
      out.push({ context: m.context, start: m.linkStart, end: m.linkEnd, href: targetLink(m.target).href, title: `${m.target.entry.text}: its entry in the bibliography`, className: 'bib' });
    }
  }
  for (const a of s.abbreviated) {
    if (!a.target || a.target.kind === 'archival') continue;
    const link = targetLink(a.target);
    // A periodical's label is the issue first cited ("Iz TsK, 1925, no. 4"); "Ibid., 1926, nos. 33-4" names another, so the title names the periodical.
    const named = a.target.kind === 'periodical' && a.target.entry ? a.target.entry.text : link.title;
    const identified = a.identified ? ` (${a.reason})` : '';
    out.push({ context: a.context, start: a.start, end: ibidLinkEnd(a.context.flat.text, a.token, a.end), fallbackEnd: a.end, href: link.href, title: `${a.raw.replace(/\.?$/u, '.')} = ${named}${identified}`, className: 'bib' });
  }
  // Works the notes name only by the meeting their paragraph is about, identified by the editor.
  const note = (id: string): TextContext | undefined => (byBlock.get(id)?.kind === 'note' ? byBlock.get(id) : undefined);
  for (const x of placeIdentifications(IDENTIFICATIONS, (n) => note(n)?.flat.text, parseBibliography(edition).entries)) {
    const context = note(x.id.note) as TextContext;
    // An identified op. cit. or Ibid. is linked above, as the reference it resolves.
    if (s.abbreviated.some((a) => a.context === context && a.start < x.end && x.start < a.end)) continue;
    const named = [x.entry, ...x.also].map(entryLabel).join('; ');
    out.push({ context, start: x.start, end: x.end, href: bibliographyHref(x.entry), title: `${named} (identified by the editor: ${x.id.reason})`, className: 'bib' });
  }
  return out;
}

/** Journal abbreviations where used as citations, archive names, and "(RM)"-style definitions. */
function abbreviationCandidates(edition: Edition): Candidate[] {
  const abbrs = parseAbbreviations(edition);
  const find = (a: string): Abbreviation | undefined => abbrs.find((x) => x.abbr === a);
  const link = (a: Abbreviation): { href: string; title: string; className: string } => ({ href: a.anchor ? `/abbreviations/#${a.anchor}` : '/abbreviations/', title: `${a.abbr} = ${a.expansion}`, className: 'abbr' });
  const out: Candidate[] = [];
  const s = citationStream(edition);
  for (const m of s.mentions) {
    const a = m.via === 'periodical' && m.abbr ? find(m.abbr) : undefined;
    // The link covers the abbreviation as printed ("V I KPSS" as well as "VI KPSS").
    if (a) out.push({ context: m.context, start: m.linkStart, end: m.linkEnd, ...link(a) });
  }
  const periodical = abbrs.filter((a) => a.group === 'periodical').sort((x, y) => y.abbr.length - x.abbr.length);
  const spellings = periodical.flatMap((a) => [a.abbr, ...(ABBREVIATION_SPELLINGS_IN_TEXT[a.abbr] ?? [])].map((shown) => ({ shown, a })));
  const definition = new RegExp(String.raw`\((${spellings.map((x) => escapeRe(x.shown)).join('|')})\)`, 'gu');
  for (const c of textContexts(edition)) {
    // In notes, and in the tables' source lines ("XVII Moscow Gubernia Conference from Pravda (P), 7/3/1929").
    if (c.noteId === null && c.section !== 'tables') continue;
    const text = c.flat.text;
    for (const m of text.matchAll(definition)) {
      const a = spellings.find((x) => x.shown === m[1])?.a;
      if (a) out.push({ context: c, start: (m.index ?? 0) + 1, end: (m.index ?? 0) + 1 + (m[1] as string).length, ...link(a) });
    }
    for (const m of text.matchAll(/\b(TsGAOR|TsGAGM)\b|(?<=\()T(?=\))/gu)) {
      const a = find(m[0]);
      if (a) out.push({ context: c, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, ...link(a) });
    }
  }
  return out;
}

/**
 * The sections whose terms are linked on first use (chapters, introduction, conclusion, the tables
 * and the appendices, and any `more`), and their text outside headings, in reading order.
 */
function pagesReadAsText(edition: Edition, more: readonly string[] = []): { sections: Set<string>; contexts: TextContext[] } {
  const sections = new Set(edition.sections.filter((s) => s.kind === 'chapter' || ['introduction', 'conclusion', 'tables', 'appendices', ...more].includes(s.id)).map((s) => s.id));
  return { sections, contexts: textContexts(edition).filter((c) => sections.has(c.section) && c.kind !== 'heading') };
}

/**
 * The places of publication the thesis abbreviates ("(M., 1929)", "(M-L, 1929)", "(L., 1930)"): the
 * first of each on each page links to the Abbreviations, as a glossary term does (on every imprint
 * they would be some ninety links saying "Moscow"). Tried in order, so that one inside a stronger
 * link gives way to the next.
 */
function placeOfPublicationCandidates(edition: Edition): Candidate[][] {
  const abbrs = parseAbbreviations(edition).filter((a) => a.group === 'place');
  const { sections, contexts } = pagesReadAsText(edition, ['bibliography']);
  const out: Candidate[][] = [];
  for (const a of abbrs) {
    // The letter opening an imprint: "(M., 1929)", "(M, 1964)", "(M. 1929)", "(M-L, 1929)", and the L of "(M-L".
    const re = new RegExp(String.raw`(?<=\((?:[ML]-)?)${escapeRe(a.abbr)}(?=\.?,?\s*\d{4}|\.?\s*-\s*[ML]\b)`, 'gu');
    for (const section of sections) {
      const options: Candidate[] = [];
      for (const c of contexts) {
        if (c.section !== section) continue;
        for (const m of c.flat.text.matchAll(re)) {
          const start = m.index ?? 0;
          options.push({ context: c, start, end: start + a.abbr.length, href: a.anchor ? `/abbreviations/#${a.anchor}` : '/abbreviations/', title: `${a.abbr} = ${a.expansion.replace(/\.$/u, '')} (place of publication)`, className: 'abbr' });
        }
      }
      if (options.length) out.push(options);
    }
  }
  return out;
}

/**
 * The first use of each glossary term on each page that reads as text (chapters, introduction,
 * conclusion, the tables and the appendices): first in the body, where the reader meets it, and
 * only where the body never uses it, first in the notes. Not inside a cited title ("XIII Moskovskaya
 * Gubernskaya Konferentsiya VKP(b)", "Sotsial'nyi i natsional'nyi sostav VKP(b) (M., 1928)"), which names, not uses, the term.
 */
function glossaryCandidates(edition: Edition): Candidate[][] {
  const terms = parseGlossary(edition);
  const out: Candidate[][] = [];
  const { sections, contexts } = pagesReadAsText(edition);
  const reportTitles = new Map(contexts.map((c) => [c, findMeetingCitations(c.flat.text).map((m) => ({ start: m.start, end: m.titleEnd }))]));
  // Where the titles the notes name end (linked to their entries), so that words after one are not taken for part of it.
  const titleEnds = new Map<TextContext, number[]>();
  for (const m of citationStream(edition).mentions) {
    if (NAMING_VIAS.has(m.via) && m.target.kind === 'bib' && m.linkEnd > m.linkStart) titleEnds.set(m.context, [...(titleEnds.get(m.context) ?? []), m.linkEnd]);
  }
  for (const t of terms) {
    const heads = [t.term, ...(GLOSSARY_SPELLINGS_IN_TEXT[t.term] ?? [])].map((spelling) =>
      /^[a-z]/u.test(spelling) ? `[${(spelling[0] as string).toUpperCase()}${spelling[0]}]${escapeRe(spelling.slice(1))}` : escapeRe(spelling),
    );
    // An apostrophe after a letter is a soft sign (part of the word); after a space, an opening quote
    // ('troikas'); before an s, a possessive ("the TsK's resolution"). A hyphen after the term joins
    // it to an English word ("raion-level"), one before it ends another word ("MK-aktiv").
    const re = new RegExp(String.raw`(?<![\p{L}\p{N}’-])(?<!\p{L}')(?:${heads.join('|')})(?:s|y|i)?(?![\p{L}\p{N}’]|-(?!\p{Ll})|'(?!\s|,|\.|$|s\b))`, 'gu');
    for (const section of sections) {
      // Every occurrence in order, so that an occurrence hidden by a stronger link can give way to the next.
      const body: Candidate[] = [];
      const notes: Candidate[] = [];
      for (const c of contexts) {
        if (c.section !== section) continue;
        for (const m of c.flat.text.matchAll(re)) {
          const start = m.index ?? 0;
          const end = start + m[0].length;
          if (reportTitles.get(c)?.some((r) => r.start <= start && end <= r.end) || (beforeImprint(c.flat.text, end) && !afterTitle(c.flat, start, titleEnds.get(c) ?? []))) continue;
          (c.noteId === null ? body : notes).push({ context: c, start, end, href: t.anchor ? `/glossary/#${t.anchor}` : '/glossary/', title: `${t.term}: ${t.definition}`, className: 'gloss' });
        }
      }
      if (body.length || notes.length) out.push([...body, ...notes]);
    }
  }
  return out;
}

/**
 * Whether the words at `start` follow a title in the same clause, one the thesis set in italics or
 * one the notes name (`titleEnds`, linked to its entry): they describe the work ("Sotsialisticheskoe
 * nastuplenie i zadachi Moskovskoi organizatsii, report to the January joint plenum of the MK and
 * MKK (M., 1930)"), they are not its title, though an imprint follows.
 */
function afterTitle(flat: FlatText, start: number, titleEnds: readonly number[]): boolean {
  if (flat.runs.some((r) => r.emphasis && r.start <= start && start < r.end)) return false;
  const ends = [...flat.runs.filter((r) => r.emphasis && r.end <= start).map((r) => r.end), ...titleEnds.filter((e) => e <= start)];
  if (ends.length === 0) return false;
  return !/[;:()]/u.test(flat.text.slice(Math.max(...ends), start));
}

/**
 * Whether text[end…] runs on to a publication's imprint within its clause ("…sostav VKP(b) (M., 1928)",
 * "…Konferentsiya RKP(b), stenograficheskii otchet (M., 1925)"): the words before it are a cited title.
 */
function beforeImprint(text: string, end: number): boolean {
  // A full stop after a short capitalised word abbreviates it ("na 1 Mosk. Ob. Konf. (M., 1929)"); any other ends the clause.
  return /^(?:[^.;:()]|(?<=\b\p{Lu}\p{Ll}{0,3})\.){0,120}?\((?:M|L|Moscow|Leningrad)\b[.,]?\s*(?:\d{4}|,|\))/u.test(text.slice(end));
}

function xrefCandidates(edition: Edition): Candidate[] {
  return crossReferences(edition).flatMap((x) => (x.href ? [{ context: x.context, start: x.start, end: x.end, href: x.href, className: 'xref' }] : []));
}

const cache = new WeakMap<Edition, Annotation[]>();

/** All annotations of the citations feature, overlaps settled by PRIORITY. */
export function citationAnnotations(edition: Edition): Annotation[] {
  const hit = cache.get(edition);
  if (hit) return hit;
  const byBlock = new Map(textContexts(edition).map((c) => [c.block, c]));
  // Spans already linked, by section and block: paragraph ids repeat across sections (every chapter has a para-35).
  const taken = new Map<string, { start: number; end: number }[]>();
  const blockKey = (c: TextContext): string => `${c.section} ${c.block}`;
  const out: Annotation[] = [];
  const place = (c: Candidate): boolean => {
    const linked = taken.get(blockKey(c.context)) ?? [];
    if (linked.some((s) => c.start < s.end && s.start < c.end)) return false;
    const where = { section: c.context.section, block: c.context.block };
    const link = { href: c.href, className: c.className, ...(c.title !== undefined ? { title: c.title } : {}) };
    // The span, or a narrower one, in one text node; else one link around the emended words inside
    // it ("Moskovskie [Bol'sheviki] v bor'be…", "TsGAOR, [7952/3/96], 83", the glossary's
    // "[sheftstvo]"); else (a title cut by emphasis) a link on each of its text-node pieces.
    const spans = [{ start: c.start, end: c.end }, ...(c.alternatives ?? []), ...(c.fallbackEnd !== undefined ? [{ start: c.start, end: c.fallbackEnd }] : [])];
    const around = (x: { start: number; end: number }): Annotation | null => annotationAround(c.context.flat, where, x.start, x.end, link);
    const whole = spans.reduce<Annotation | null>((found, x) => found ?? annotationFor(c.context.flat, where, x.start, x.end, link), null) ?? spans.reduce<Annotation | null>((found, x) => found ?? around(x), null);
    const pieces = whole ? [whole] : c.className === 'bib' || c.className === 'archival-ref' ? titlePieces(c.context.flat, c.start, c.end).flatMap((p) => annotationFor(c.context.flat, where, p.start, p.end, link) ?? []) : [];
    // A piece of a word or two letters ("[O] sheftstve [predpriyatii…]") is no link of its own where the title has others.
    const linkable = pieces.length > 1 && pieces.some((p) => letters(p.text) >= 3) ? pieces.filter((p) => letters(p.text) >= 3) : pieces;
    if (!linkable.length) return false;
    linked.push({ start: c.start, end: c.end });
    taken.set(blockKey(c.context), linked);
    out.push(...linkable);
    return true;
  };
  const ordered = [...archivalCandidates(edition, byBlock), ...xrefCandidates(edition), ...bibCandidates(edition, byBlock), ...abbreviationCandidates(edition)].sort(
    (a, b) => (PRIORITY[a.className] ?? 9) - (PRIORITY[b.className] ?? 9),
  );
  ordered.forEach(place);
  for (const options of [...glossaryCandidates(edition), ...placeOfPublicationCandidates(edition)]) options.some(place);
  cache.set(edition, out);
  return out;
}

/**
 * The text-node pieces of flat[start, end) when emphasis or an emendation cuts it, each trimmed of
 * the spaces and punctuation at its edges; a span running from one table cell into the next keeps
 * only its first piece (a title does not go on in another cell).
 */
export function titlePieces(flat: FlatText, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const r of flat.runs.filter((x) => x.start < end && start < x.end)) {
    if (r.textNode === null) {
      if (flat.text.slice(r.start, r.end) === '\n') break;
      continue;
    }
    let from = Math.max(r.start, start);
    let to = Math.min(r.end, end);
    while (from < to && /[\s,.;:]/u.test(flat.text[from] as string)) from++;
    while (to > from && /[\s,.;:]/u.test(flat.text[to - 1] as string)) to--;
    if (/[\p{L}\p{N}]/u.test(flat.text.slice(from, to))) out.push({ start: from, end: to });
  }
  return out;
}

export interface CitationReport {
  archival: { foundInText: number; parsed: number; continuations: number; indexed: number; files: number };
  abbreviatedReferences: { total: number; resolved: number; byToken: Record<string, { total: number; resolved: number }>; unresolved: { where: string; text: string; reason: string }[] };
  crossReferences: ReturnType<typeof crossReferenceReport>;
  bibliography: { entries: number; bySection: Record<string, number>; linkedMentions: number };
  annotations: Record<string, number>;
}

/** The counts the build prints: archival references parsed/found, op. cit./Ibid. resolved/total, cross-references resolved/total. */
export function citationReport(edition: Edition): CitationReport {
  const s = citationStream(edition);
  const notes = textContexts(edition).filter((c) => c.noteId !== null);
  const byToken: Record<string, { total: number; resolved: number }> = {};
  for (const a of s.abbreviated) {
    const k = (byToken[a.token] ??= { total: 0, resolved: 0 });
    k.total++;
    if (a.target) k.resolved++;
  }
  const entries = parseBibliography(edition).entries;
  const bySection: Record<string, number> = {};
  for (const e of entries) bySection[`section ${e.bibSection}`] = (bySection[`section ${e.bibSection}`] ?? 0) + 1;
  const annotations: Record<string, number> = {};
  for (const a of citationAnnotations(edition)) annotations[a.className] = (annotations[a.className] ?? 0) + 1;
  const indexed = s.archival.filter((r) => r.form !== 'example');
  return {
    archival: {
      foundInText: notes.reduce((n, c) => n + countArchivalCandidates(c.flat.text), 0),
      parsed: notes.reduce((n, c) => n + findArchivalMentions(c.flat.text).length, 0),
      continuations: s.archival.filter((r) => r.continues !== null).length,
      indexed: indexed.length,
      files: new Set(indexed.map(fileAnchor)).size,
    },
    abbreviatedReferences: {
      total: s.abbreviated.length,
      resolved: s.abbreviated.filter((a) => a.target).length,
      byToken,
      unresolved: s.abbreviated.filter((a) => !a.target).map((a) => ({ where: `${a.context.slug}#${a.context.block}`, text: a.raw, reason: a.reason })),
    },
    crossReferences: crossReferenceReport(edition),
    bibliography: { entries: entries.length, bySection, linkedMentions: s.mentions.filter((m) => NAMING_VIAS.has(m.via) && m.target.kind === 'bib').length },
    annotations,
  };
}

/** A few lines for the build log. */
export function formatCitationReport(r: CitationReport): string {
  const lines = [
    `citations: archival references parsed ${r.archival.parsed}/${r.archival.foundInText} found in the notes (${r.archival.continuations} of them continue an earlier reference by ibid./loc. cit.; ${r.archival.indexed} indexed in ${r.archival.files} files)`,
    `citations: op. cit./loc. cit./Ibid. resolved ${r.abbreviatedReferences.resolved}/${r.abbreviatedReferences.total} (${Object.entries(r.abbreviatedReferences.byToken).map(([k, v]) => `${k} ${v.resolved}/${v.total}`).join(', ')})`,
    `citations: cross-references resolved ${r.crossReferences.resolved}/${r.crossReferences.total}`,
    `citations: bibliography ${r.bibliography.entries} entries (${Object.entries(r.bibliography.bySection).map(([k, v]) => `${k}: ${v}`).join(', ')}); annotations ${Object.entries(r.annotations).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    ...r.abbreviatedReferences.unresolved.map((u) => `  unresolved ${u.text} at ${u.where}: ${u.reason}`),
    ...r.crossReferences.unresolved.map((u) => `  unresolved cross-reference "${u.text}" at ${u.where}: ${u.note}`),
  ];
  return lines.join('\n');
}
