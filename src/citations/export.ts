/** The bibliography as BibTeX and CSL-JSON, and the archival references as CSV and JSON rows. */
import type { Edition } from '../pipeline/model.ts';
import type { ArchivalReference } from './archival.ts';
import { fileAnchor } from './archival.ts';
import type { BibEntry, ListedFond, Person } from './bibliography.ts';
import { successorOf } from './successors.ts';
import { rightsComment } from '../data/rights.ts';

const LANGID: Readonly<Record<BibEntry['language'], string>> = { ru: 'russian', en: 'english', fr: 'french' };

/**
 * Characters with a meaning in BibTeX, escaped; everything else kept as UTF-8 (for biber/biblatex).
 * A double quote (a quotation, or the hard sign of s"ezd) is braced, so that it prints as typed
 * rather than as LaTeX's closing quotes.
 */
export function bibtexValue(s: string): string {
  return s.replace(/\\/gu, '\\textbackslash{}').replace(/([{}%&#_$])/gu, '\\$1').replace(/"/gu, '{"}');
}

/** A title's colon as a citation prints it ("Offensive :The" → "Offensive: The"); the bibliography page keeps the thesis's spacing. */
const citedTitle = (t: string): string => t.replace(/(?<=\p{L})\s*:\s*(?=\p{L})/gu, ': ');

/** "(M., 1949-1951)": the last year of a work published over several years, or null. */
function lastYear(e: BibEntry): string | null {
  return e.year ? (new RegExp(String.raw`\b${e.year}\s*[-–]\s*(\d{4})\)?\s*$`, 'u').exec(e.text)?.[1] ?? null) : null;
}

/** "et al." after the authors (the parser keeps it at the head of the note). */
const etAl = (e: BibEntry): boolean => /^et al\./u.test(e.note ?? '');
const noteWithoutEtAl = (e: BibEntry): string | null => (e.note ?? '').replace(/^et al\.;?\s*/u, '') || null;

/** "fonds 5457; 5469 (Central Committee of All-Union Metalworkers' Union)": what the bibliography lists under an archive. */
function fondsOf(e: BibEntry, listed: readonly ListedFond[]): string | null {
  const own = listed.filter((f) => f.archive === e.note);
  return own.length ? `${own.length > 1 ? 'fonds' : 'fond'} ${own.map((f) => (f.description ? `${f.fond} (${f.description})` : f.fond)).join('; ')}` : null;
}

const people = (ps: readonly Person[]): string => ps.map((p) => `${p.family}, ${p.given}`).join(' and ');

function bibtexType(e: BibEntry): string {
  switch (e.type) {
    case 'book':
      return 'book';
    case 'article':
      return 'article';
    case 'report':
      return 'techreport';
    case 'proceedings':
      return 'proceedings';
    case 'thesis':
      return /MSocSci|master/iu.test(e.note ?? '') ? 'mastersthesis' : 'phdthesis';
    default:
      return 'misc';
  }
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * The one volume, issue and month an entry's note prints ("vol 45, 1986", "1960, no. 4", "January
 * 1981"), as fields of their own; none where the note lists several (Carr's "vol 1 …, vol 2 …",
 * "vols xi-xiv") or none. The note keeps the printed words.
 */
export function volumeIssue(note: string | null): { volume: string | null; issue: string | null; month: number | null } {
  const text = note ?? '';
  const vols = [...text.matchAll(/\b(?:vols?|kniga)\.?\s+([0-9]+|[ivxlc]+)\b/giu)];
  const single = vols.length === 1 && !/\bvols\b|\d\s*-\s*\d|[ivx]-[ivx]/iu.test(text.slice(vols[0]?.index ?? 0, (vols[0]?.index ?? 0) + 12));
  const issue = /\bno\.?\s+(\d+)\b/iu.exec(text)?.[1] ?? null;
  const month = MONTHS.findIndex((m) => new RegExp(`\\b${m}\\b`, 'iu').test(text));
  return { volume: single ? (vols[0]?.[1] as string) : null, issue, month: month >= 0 ? month + 1 : null };
}

/** One BibTeX entry; `listed`, the fonds the bibliography lists under its archives. */
export function toBibtex(e: BibEntry, listed: readonly ListedFond[] = []): string {
  const type = bibtexType(e);
  const last = lastYear(e);
  const vi = volumeIssue(e.note);
  const fields: [string, string | null][] = [
    ['author', e.authors.length ? `${people(e.authors)}${etAl(e) ? ' and others' : ''}` : null],
    ['editor', e.editors.length ? people(e.editors) : null],
    ['title', citedTitle(e.title)],
    [type === 'article' ? 'journal' : type === 'techreport' ? 'institution' : type === 'proceedings' ? 'series' : 'howpublished', e.container],
    // A thesis's school where the entry names it; a Soviet dissertation gives only its city ("(M., 1972)").
    [(type === 'phdthesis' || type === 'mastersthesis') && /Universit|College|Institut|School|Academy|CREES|Centre/iu.test(e.place ?? '') ? 'school' : 'address', e.place],
    ['volume', vi.volume],
    ['number', vi.issue],
    ['month', vi.month ? String(vi.month) : null],
    ['year', e.year],
    // biblatex's range for a work published over several years (Stalin's Sochineniya, 1949-1951).
    ['date', last ? `${e.year}/${last}` : null],
    ['note', [e.type === 'periodical' ? 'Periodical' : e.type === 'archive' ? 'Archive' : null, e.authors.length ? noteWithoutEtAl(e) : e.note, e.type === 'archive' ? fondsOf(e, listed) : null].filter(Boolean).join('; ') || null],
    ['langid', LANGID[e.language]],
  ];
  return `@${type}{${e.id},\n${fields
    .filter((f): f is [string, string] => f[1] !== null && f[1] !== '')
    .map(([k, v]) => `  ${k} = {${k === 'title' ? protectCapitals(bibtexValue(v)) : bibtexValue(v)}}`)
    .join(',\n')}\n}`;
}

/**
 * A title's capitalised words after the first braced ("Party Organisation in {Moscow}"), so that a
 * style which sets titles in sentence case keeps names, and transliterated Russian, as printed.
 */
export function protectCapitals(title: string): string {
  let first = true;
  // Words of letters, not a TeX command's name (\textbackslash).
  return title.replace(/(?<!\\\p{L}*)[\p{L}\p{N}'’-]+/gu, (w) => {
    const keep = first || !/\p{Lu}/u.test(w);
    first = false;
    return keep ? w : `{${w}}`;
  });
}

export function bibliographyBibtex(entries: readonly BibEntry[], edition: Edition, listed: readonly ListedFond[] = []): string {
  const head = `% Bibliography of ${edition.meta.author}, ${edition.meta.title} (${edition.meta.institution}, ${edition.meta.date}),\n% as printed in the thesis, with the edition's emendations made (listed at /emendations/) and its place abbreviations M, L and M-L written out, as its list of abbreviations gives them,\n% parsed into ${entries.length} entries. Ids are stable: they are made from author, title and year.\n${rightsComment(edition.meta, '%')}`;
  return `${head}\n${entries.map((e) => toBibtex(e, listed)).join('\n\n')}\n`;
}

const CSL_TYPE: Readonly<Record<BibEntry['type'], string>> = { book: 'book', thesis: 'thesis', article: 'article-journal', report: 'report', periodical: 'periodical', proceedings: 'book', archive: 'collection' };

/** One CSL-JSON item; `listed`, the fonds the bibliography lists under its archives. */
export function toCsl(e: BibEntry, listed: readonly ListedFond[] = []): Record<string, unknown> {
  const item: Record<string, unknown> = { id: e.id, type: CSL_TYPE[e.type], title: citedTitle(e.title) };
  if (e.authors.length) item['author'] = e.authors.map((p) => ({ family: p.family, given: p.given }));
  if (e.editors.length) item['editor'] = e.editors.map((p) => ({ family: p.family, given: p.given }));
  if (e.container) item[e.type === 'proceedings' ? 'collection-title' : 'container-title'] = e.container;
  if (e.place) item[e.type === 'thesis' && /University/u.test(e.place) ? 'publisher' : 'publisher-place'] = e.place;
  const last = lastYear(e);
  const vi = volumeIssue(e.note);
  if (vi.volume) item['volume'] = vi.volume;
  if (vi.issue) item[e.type === 'report' ? 'number' : 'issue'] = vi.issue;
  if (e.year) item['issued'] = { 'date-parts': last ? [[Number(e.year)], [Number(last)]] : vi.month ? [[Number(e.year), vi.month]] : [[Number(e.year)]] };
  const note = [e.note, e.type === 'archive' ? fondsOf(e, listed) : null].filter(Boolean).join('; ');
  if (e.type === 'thesis' && e.note) item['genre'] = e.note;
  else if (note) item['note'] = note;
  item['language'] = e.language;
  return item;
}

/** Columns of the archival-references downloads, in order. */
export const ARCHIVAL_COLUMNS = ['id', 'archive', 'successor_editorial', 'fond', 'opis', 'delo', 'folios', 'form', 'raw', 'remarks', 'section', 'note', 'note_number', 'scope', 'original_page', 'original_page_approximate', 'source_line', 'note_url', 'index_url', 'continues'] as const;

export type ArchivalRow = Record<(typeof ARCHIVAL_COLUMNS)[number], string | number | null>;

export function archivalRow(r: ArchivalReference, site: string): ArchivalRow {
  const base = site.replace(/\/$/u, '');
  return {
    id: r.id,
    archive: r.archive,
    // Today's archive is the editor's identification (content/archives/successors.json), not the thesis's: the column says so.
    successor_editorial: successorOf(r.archive)?.successor ?? null,
    fond: r.fond,
    opis: r.opis,
    delo: r.delo,
    folios: r.folios,
    form: r.form,
    raw: r.raw,
    remarks: r.remarks.join('; ') || null,
    section: r.section,
    note: r.noteId,
    note_number: r.noteN,
    scope: r.scope,
    original_page: r.page,
    original_page_approximate: r.page === null ? null : r.pageApproximate ? 'yes' : 'no',
    source_line: r.line,
    note_url: `${base}/${r.slug}/#${r.noteId}`,
    index_url: `${base}/archives/#${fileAnchor(r)}`,
    continues: r.continues,
  };
}

/** RFC 4180 CSV: every field quoted when it holds a comma, quote or line break. */
export function toCsv(rows: readonly ArchivalRow[]): string {
  const cell = (v: string | number | null): string => {
    const s = v === null ? '' : String(v);
    return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
  };
  return `${[ARCHIVAL_COLUMNS.join(','), ...rows.map((r) => ARCHIVAL_COLUMNS.map((c) => cell(r[c])).join(','))].join('\r\n')}\r\n`;
}
