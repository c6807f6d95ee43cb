/**
 * The thesis's bibliography (its five sections) as structured entries with stable ids, parsed
 * from the Bibliography section of the Edition. Ids are derived from author, title and year, so
 * they survive any change in the paragraph numbering.
 */
import type { Edition, Heading, Inline, Paragraph, Section, TableBlock } from '../pipeline/model.ts';
import { inlineText, isEmphasis } from '../pipeline/inline.ts';
import { normalizeWords } from './text.ts';

export interface Person {
  family: string;
  given: string;
}

export type BibType = 'archive' | 'periodical' | 'proceedings' | 'book' | 'thesis' | 'article' | 'report';

export interface BibEntry {
  id: string;
  /** Bibliography section 1–5. */
  bibSection: 1 | 2 | 3 | 4 | 5;
  /** Block that holds the entry on /bibliography/ (paragraph or table id). */
  block: string;
  /** For an entry in a table (Section 3's congresses and conferences): its body row and column. */
  cell?: { row: number; col: number };
  type: BibType;
  authors: Person[];
  editors: Person[];
  title: string;
  /** Journal or series an article or paper appeared in. */
  container: string | null;
  place: string | null;
  year: string | null;
  /** What the entry adds (volumes, edition, thesis kind, issue). */
  note: string | null;
  language: 'ru' | 'en' | 'fr';
  /** The entry as printed (corrected reading), without the list dash. */
  text: string;
}

/** Fonds listed in Section 1, by archive. */
export interface ListedFond {
  archive: 'TsGAOR' | 'TsGAGM';
  fond: string;
  description: string | null;
  block: string;
}

const PLACE_ABBREVIATIONS: Readonly<Record<string, string>> = { M: 'Moscow', L: 'Leningrad', 'M-L': 'Moscow–Leningrad' };

/** Expand the thesis's place abbreviations (M, L, M-L) as its own list of abbreviations gives them. */
export function expandPlace(place: string): string {
  const p = place.trim();
  return PLACE_ABBREVIATIONS[p.replace(/\.$/u, '')] ?? p;
}

function bibliographySection(edition: Edition): Section {
  const s = edition.sections.find((x) => x.id === 'bibliography');
  if (!s) throw new Error('the edition has no bibliography section');
  return s;
}

/** A section's entries, and the sub-headings among them (Section 3's "Moscow Party Conferences:"). */
type SectionBlock = Paragraph | TableBlock | Heading;

/** Blocks grouped under their "Section N" heading. */
function blocksBySection(section: Section): Map<1 | 2 | 3 | 4 | 5, SectionBlock[]> {
  const out = new Map<1 | 2 | 3 | 4 | 5, SectionBlock[]>();
  let current: 1 | 2 | 3 | 4 | 5 | null = null;
  for (const b of section.blocks) {
    if (b.kind === 'heading') {
      const m = /^section-([1-5])$/u.exec(b.id);
      if (m) {
        current = Number(m[1]) as 1 | 2 | 3 | 4 | 5;
        out.set(current, []);
      } else if (current !== null) out.get(current)?.push(b);
    } else if (current !== null && (b.kind === 'paragraph' || b.kind === 'table')) out.get(current)?.push(b);
  }
  return out;
}

const stripDash = (s: string): string => s.replace(/^\s*-\s*/u, '').trim();

/** "Carr, E. H., and Davies, R. W.," → people; "Fitzpatrick, S., ed.," → editor. */
export function parsePeople(prefix: string): { authors: Person[]; editors: Person[]; etAl: boolean } {
  let text = stripDash(prefix).replace(/^\*\s*/u, '').replace(/,\s*$/u, '').trim();
  let editor = false;
  const etAl = /,?\s*et al\.?/u.test(text);
  text = text.replace(/,?\s*et al\.?/u, '');
  if (/,?\s*\(?ed\)?\.?$/u.test(text)) {
    editor = true;
    text = text.replace(/,?\s*\(?ed\)?\.?$/u, '');
  }
  const people: Person[] = [];
  for (const part of text.split(/,?\s+and\s+/u)) {
    const m = /^\s*([^,]+?)[,\s]\s*([A-Z][\w.\s-]*?)\.?\s*$/u.exec(part.trim());
    if (!m) continue;
    // "C rankshaw" is a conversion split of "Crankshaw".
    const family = (m[1] as string).replace(/^([A-Z]) ([a-z])/u, '$1$2').trim();
    const given = (m[2] as string).trim().replace(/\s+/gu, ' ');
    people.push({ family, given: given.endsWith('.') ? given : `${given}.` });
  }
  return editor ? { authors: [], editors: people, etAl } : { authors: people, editors: [], etAl };
}

/** A part of an imprint that says what the work is rather than where it was published. */
const NOTE_PART = /dissert|edn|trans\.|publication|[Aa][vf]toreferat|Discussion|\bno\.\s*\d|reprinted|vol|^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/u;

/** The "(…, 1929)" imprint of an entry: place and year, and what else it says. The first imprint gives the year. */
function parseImprint(rest: string): { place: string | null; year: string | null; note: string | null } {
  const groups = [...rest.matchAll(/\(([^()]*\b(1[89]\d\d)[^()]*)\)/gu)];
  const first = groups[0];
  if (!first) {
    const year = /\b(1[89]\d\d)\b/u.exec(rest);
    return { place: null, year: year ? (year[1] as string) : null, note: rest.replace(/^[\s,]+|[\s,]+$/gu, '') || null };
  }
  const parts = (first[1] as string).split(',').map((p) => p.trim()).filter(Boolean);
  const yearPart = parts.pop() ?? '';
  const year = /(1[89]\d\d)/u.exec(yearPart)?.[1] ?? null;
  const leftover = yearPart.replace(/(1[89]\d\d).*/u, '').trim();
  if (leftover) parts.push(leftover);
  const placeParts = parts.filter((p) => !NOTE_PART.test(p));
  const noteParts = parts.filter((p) => NOTE_PART.test(p));
  const outside = groups.length > 1 ? rest.trim() : [rest.slice(0, first.index), rest.slice((first.index ?? 0) + first[0].length)].join(' ').trim();
  const note = [...noteParts, outside].map((x) => x.replace(/^[\s,;]+|[\s,;]+$/gu, '')).filter(Boolean).join('; ');
  return { place: placeParts.length ? expandPlace(placeParts.join(', ')) : null, year, note: note || null };
}

/**
 * A title in single quotes. Transliterated Russian uses the apostrophe for the soft sign
 * (bor'be, Deyatel'nost'), so the quote must open after a comma or at the start and close
 * before what follows a title (a comma, an imprint, "unpublished", the journal).
 */
export function findQuotedTitle(text: string, container: string | null): { start: number; end: number; title: string } | null {
  const open = /(?:^|,\s*|\s)'(?=[A-Z])/gu;
  for (const o of text.matchAll(open)) {
    const from = (o.index ?? 0) + o[0].length;
    for (let i = text.indexOf("'", from); i >= 0; i = text.indexOf("'", i + 1)) {
      const after = text.slice(i + 1);
      const closes =
        /^[.,]?\s*(?:\(|[Uu]npublished|in\s|Discussion|Kandidatskaya|$)/u.test(after) ||
        /^,\s*(?:[A-Z][a-z]+ (?:Studies|Review|History)|[A-Z][\w ]*,\s*(?:19\d\d|vol|no))/u.test(after) ||
        (container !== null && after.replace(/^[.,]?\s*/u, '').startsWith(container));
      if (closes) return { start: from - 1, end: i + 1, title: text.slice(from, i).replace(/[.,\s]+$/u, '') };
    }
  }
  return null;
}

function firstEm(nodes: readonly Inline[]): { index: number; text: string } | null {
  const index = nodes.findIndex(isEmphasis);
  if (index < 0) return null;
  return { index, text: inlineText([nodes[index] as Inline]).trim() };
}

/** One book, thesis or article entry of Sections 4 and 5. */
export function parseWorkEntry(content: readonly Inline[], bibSection: 4 | 5, block: string): Omit<BibEntry, 'id'> {
  const text = stripDash(inlineText(content)).replace(/\s+/gu, ' ').trim();
  // French: by its words, or published in Paris (Voslensky's La Nomenklatura).
  const language = bibSection === 4 ? 'ru' : /Societe|appareil|\(Paris\b/u.test(text) ? 'fr' : 'en';
  const em = firstEm(content);
  const quoted = findQuotedTitle(text, em ? em.text : null);
  let prefix = '';
  let title = '';
  let rest = '';
  let container: string | null = null;
  let type: BibType = 'book';
  const emFirst = em && (!quoted || text.indexOf(em.text) < quoted.start);
  if (em && emFirst) {
    prefix = stripDash(inlineText(content.slice(0, em.index)));
    title = em.text.replace(/[\s,;]+$/u, '');
    rest = inlineText(content.slice(em.index + 1));
  } else if (quoted) {
    prefix = text.slice(0, quoted.start);
    title = quoted.title;
    rest = text.slice(quoted.end);
    if (em) {
      container = em.text.replace(/[\s,;]+$/u, '');
      type = 'article';
      rest = rest.replace(em.text, '').replace(/^[\s,.]*(in|Discussion in)?\s*/u, '');
    }
  } else {
    // No marked title: an anonymous work "Title, 2nd edn. (M., 1967)".
    const imprint = /\s\((?=[^()]*\d{4}\)\s*$)/u.exec(text);
    title = imprint ? text.slice(0, imprint.index) : text;
    rest = imprint ? text.slice(imprint.index) : '';
  }
  const people = /^[A-Z*]/u.test(prefix.trim()) && /,/u.test(prefix) ? parsePeople(prefix) : { authors: [], editors: [], etAl: false };
  const imprint = parseImprint(rest);
  let note = imprint.note;
  // A volume printed after the title without its italics marked ("Dinamo v gody stroitel'stva sotsializma*, kniga 2"): the note's, not the title's.
  const book = /,\s*(kniga\s+\d+)$/u.exec(title);
  if (book) {
    title = title.slice(0, book.index).trim();
    note = [book[1], note].filter(Boolean).join('; ');
  }
  const edition = /,\s*((?:\d(?:st|nd|rd|th)|second|first)\s+edn\.?.*)$/u.exec(title);
  if (edition) {
    title = title.slice(0, edition.index).trim();
    note = [edition[1], note].filter(Boolean).join('; ');
  }
  if (/dissertat|thesis|Avtoreferat|Aftoreferat/iu.test(text)) type = 'thesis';
  if (/Discussion Paper/u.test(text)) type = 'report';
  if (type === 'report' && !container) {
    const series = /\(([^()]*Discussion Paper Series)[^()]*\)/u.exec(text);
    container = series ? (series[1] as string).trim() : null;
  }
  if (people.etAl) note = ['et al.', note].filter(Boolean).join('; ');
  return {
    bibSection,
    block,
    type,
    authors: people.authors,
    editors: people.editors,
    title: title.replace(/\s+/gu, ' ').replace(/\s+([:;])/gu, '$1').trim(),
    container,
    place: type === 'article' ? null : imprint.place,
    year: imprint.year,
    note,
    language,
    text,
  };
}

function slugWords(text: string, n: number): string {
  return normalizeWords(text).filter((w) => !['the', 'a', 'i', 'v', 'o'].includes(w)).slice(0, n).join('-');
}

/** A stable id from what the entry is: first author's family name and year, else its first title words. */
export function baseId(e: Omit<BibEntry, 'id'>): string {
  const people = e.authors.length ? e.authors : e.editors;
  switch (e.type) {
    case 'archive':
      return `bib-archive-${slugWords(e.title, 4)}`;
    case 'periodical':
      return `bib-periodical-${slugWords(e.title, 4)}`;
    case 'proceedings':
      return `bib-proc-${normalizeWords(e.title).join('-')}${e.year && !e.title.includes(e.year) ? `-${e.year}` : ''}`;
    default: {
      const who = people.length ? people.slice(0, 2).map((p) => slugWords(p.family, 1)).join('-') : slugWords(e.title, 3);
      return `bib-${who}-${e.year ?? 'nd'}`;
    }
  }
}

function withIds(entries: Omit<BibEntry, 'id'>[]): BibEntry[] {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(baseId(e), (counts.get(baseId(e)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return entries.map((e) => {
    const base = baseId(e);
    if ((counts.get(base) ?? 0) === 1) return { id: base, ...e };
    const k = seen.get(base) ?? 0;
    seen.set(base, k + 1);
    // Same author and year twice (Bauman 1929): a, b… in the bibliography's own order.
    return { id: `${base}${String.fromCharCode(97 + k)}`, ...e };
  });
}

function plain(b: Paragraph | Heading): string {
  return inlineText(b.content).replace(/\s+/gu, ' ').trim();
}

/** Section 3 (official proceedings): congresses, conferences, plenums and the KPSS v rezolyutsiyakh volumes. */
function parseProceedings(blocks: readonly SectionBlock[]): Omit<BibEntry, 'id'>[] {
  const out: Omit<BibEntry, 'id'>[] = [];
  const base = { bibSection: 3 as const, authors: [], editors: [], place: null, note: null, language: 'ru' as const };
  let series = '';
  let plenumYear: string | null = null;
  for (const b of blocks) {
    if (b.kind === 'table') {
      // Two columns: All-Union Party Congresses | All-Union Party Conferences.
      const cols = ['All-Union Party Congress', 'All-Union Party Conference'];
      const series = ['All-Union Party Congresses', 'All-Union Party Conferences'];
      b.bodyRows.forEach((row, k) =>
        row.forEach((cell, i) => {
          const t = inlineText(cell).trim();
          const m = /^(\w+)\s*\((\d{4})\)$/u.exec(t);
          if (m) out.push({ ...base, block: b.id, cell: { row: k, col: i }, type: 'proceedings', title: `${m[1]} ${cols[i] ?? ''}`.trim(), container: series[i] ?? null, year: m[2] as string, text: t });
        }),
      );
      continue;
    }
    const t = plain(b);
    // A series' head: a heading ("Plenums of the MK and MKK:"), or a line ending in a colon.
    if (b.kind === 'heading' || t.endsWith(':')) {
      series = t.replace(/:$/u, '');
      continue;
    }
    if (/^KPSS v rezolyutsiyakh/u.test(t)) {
      out.push({ ...base, block: b.id, type: 'book', title: 'KPSS v rezolyutsiyakh i resheniyakh s"ezdov, konferentsii i plenumov TsK', container: null, year: '1953', note: t.replace(/^KPSS v rezolyutsiyakh i resheniyakh s"ezdov, konferentsii i plenumov TsK,\s*/u, ''), text: t });
      continue;
    }
    const plenum = /^(?:-\s*)?(?:(\d{4})\s*-\s*)?(.*plenum.*)$/u.exec(t);
    if (plenum && /plenum/u.test(series.toLowerCase() + t)) {
      if (plenum[1]) plenumYear = plenum[1];
      const m = /^(.*?plenum)\s*\(([^)]*)\)\s*\(([^)]*)\)/u.exec(plenum[2] as string);
      const title = m ? `${m[1]} (${m[2]}), ${m[3]} ${plenumYear ?? ''}`.trim() : (plenum[2] as string);
      out.push({ ...base, block: b.id, type: 'proceedings', title, container: series || null, year: plenumYear, text: t.replace(/^-\s*/u, '') });
      continue;
    }
    const conf = /^(.*?)\s*\((\d{4})\)$/u.exec(t);
    if (conf) out.push({ ...base, block: b.id, type: 'proceedings', title: conf[1] as string, container: series || null, year: conf[2] as string, text: t });
  }
  return out;
}

/** Section 1: the archives and the fonds listed under them. */
function parseArchives(blocks: readonly SectionBlock[]): { entries: Omit<BibEntry, 'id'>[]; fonds: ListedFond[] } {
  const entries: Omit<BibEntry, 'id'>[] = [];
  const fonds: ListedFond[] = [];
  let archive: 'TsGAOR' | 'TsGAGM' | null = null;
  for (const b of blocks) {
    if (b.kind !== 'paragraph') continue;
    const t = plain(b);
    const named = /^(.*?)\s*\((TsGAOR|TsGAGM)\)$/u.exec(t);
    if (named || /^Trotsky Archive$/u.test(t)) {
      archive = named ? (named[2] as 'TsGAOR' | 'TsGAGM') : null;
      entries.push({ bibSection: 1, block: b.id, type: 'archive', authors: [], editors: [], title: named ? (named[1] as string) : t, container: null, place: null, year: null, note: named ? (named[2] as string) : 'T', language: named ? 'ru' : 'en', text: t });
      continue;
    }
    const fond = /^(?:Fonds?\s+)?(\d{3,4})(?:\s*\((.*)\))?$/u.exec(t);
    if (fond && archive) fonds.push({ archive, fond: fond[1] as string, description: fond[2] ?? null, block: b.id });
  }
  return { entries, fonds };
}

export interface Bibliography {
  entries: BibEntry[];
  fonds: ListedFond[];
}

const cache = new WeakMap<Edition, Bibliography>();

/** Parse the Bibliography section of the edition. */
export function parseBibliography(edition: Edition): Bibliography {
  const hit = cache.get(edition);
  if (hit) return hit;
  const sections = blocksBySection(bibliographySection(edition));
  const archives = parseArchives(sections.get(1) ?? []);
  const periodicals = (sections.get(2) ?? []).flatMap((b): Omit<BibEntry, 'id'>[] =>
    b.kind === 'paragraph' && plain(b)
      ? [{ bibSection: 2, block: b.id, type: 'periodical', authors: [], editors: [], title: plain(b), container: null, place: null, year: null, note: null, language: 'ru', text: plain(b) }]
      : [],
  );
  const works = ([4, 5] as const).flatMap((n) =>
    (sections.get(n) ?? []).flatMap((b) => {
      if (b.kind !== 'paragraph') return [];
      const t = plain(b);
      // The explanatory line "(In alphabetical order of author…)" is not an entry.
      if (!t || /^\(In alphabetical order/u.test(t)) return [];
      return [parseWorkEntry(b.content, n, b.id)];
    }),
  );
  const result = { entries: withIds([...archives.entries, ...periodicals, ...parseProceedings(sections.get(3) ?? []), ...works]), fonds: archives.fonds };
  cache.set(edition, result);
  return result;
}

/**
 * How a link names an entry on hover: its printed text ("Chase, W. J., Workers, Society and the Soviet
 * State… (London, 1987)"), except a proceedings line, whose print
 * leans on the heading above it ("Sixteenth (1930)" under "Congresses", "IV plenum (MK) (August)"
 * under 1929): that gets its full title and year ("Sixteenth All-Union Party Congress (1930)",
 * "IV plenum (MK), August 1929").
 */
export function entryLabel(e: Pick<BibEntry, 'type' | 'title' | 'year' | 'container' | 'text'>): string {
  if (e.type !== 'proceedings') return e.text.replace(/\s*\*\s*/gu, ' ').replace(/\s+/gu, ' ').trim();
  const series = e.container && !/All-Union|plenum/iu.test(e.title) ? `${e.container.replace(/s$/u, '')}: ` : '';
  return `${series}${e.title}${e.year && !e.title.includes(e.year) ? ` (${e.year})` : ''}`;
}
