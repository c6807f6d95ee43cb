/** The bibliography as BibTeX and CSL-JSON, and the archival references as CSV and JSON rows. */
import type { Edition } from '../pipeline/model.ts';
import type { ArchivalReference } from './archival.ts';
import { fileAnchor } from './archival.ts';
import type { BibEntry, Person } from './bibliography.ts';
import { successorOf } from './successors.ts';

const LANGID: Readonly<Record<BibEntry['language'], string>> = { ru: 'russian', en: 'english', fr: 'french' };

/** Characters with a meaning in BibTeX, escaped; everything else kept as UTF-8 (for biber/biblatex). */
export function bibtexValue(s: string): string {
  return s.replace(/\\/gu, '\\textbackslash{}').replace(/([{}%&#_$])/gu, '\\$1').replace(/"/gu, "''");
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

/** One BibTeX entry. */
export function toBibtex(e: BibEntry): string {
  const type = bibtexType(e);
  const fields: [string, string | null][] = [
    ['author', e.authors.length ? people(e.authors) : null],
    ['editor', e.editors.length ? people(e.editors) : null],
    ['title', e.title],
    [type === 'article' ? 'journal' : type === 'techreport' ? 'institution' : type === 'proceedings' ? 'series' : 'howpublished', e.container],
    [type === 'phdthesis' || type === 'mastersthesis' ? 'school' : 'address', e.place],
    ['year', e.year],
    ['note', [e.type === 'periodical' ? 'Periodical' : e.type === 'archive' ? 'Archive' : null, e.note].filter(Boolean).join('; ') || null],
    ['langid', LANGID[e.language]],
  ];
  return `@${type}{${e.id},\n${fields
    .filter((f): f is [string, string] => f[1] !== null && f[1] !== '')
    .map(([k, v]) => `  ${k} = {${bibtexValue(v)}}`)
    .join(',\n')}\n}`;
}

export function bibliographyBibtex(entries: readonly BibEntry[], edition: Edition): string {
  const head = `% Bibliography of ${edition.meta.author}, ${edition.meta.title} (${edition.meta.institution}, ${edition.meta.date}),\n% as printed in the thesis, parsed into ${entries.length} entries. Ids are stable: they are made from author, title and year.\n`;
  return `${head}\n${entries.map(toBibtex).join('\n\n')}\n`;
}

const CSL_TYPE: Readonly<Record<BibEntry['type'], string>> = { book: 'book', thesis: 'thesis', article: 'article-journal', report: 'report', periodical: 'periodical', proceedings: 'book', archive: 'collection' };

/** One CSL-JSON item. */
export function toCsl(e: BibEntry): Record<string, unknown> {
  const item: Record<string, unknown> = { id: e.id, type: CSL_TYPE[e.type], title: e.title };
  if (e.authors.length) item['author'] = e.authors.map((p) => ({ family: p.family, given: p.given }));
  if (e.editors.length) item['editor'] = e.editors.map((p) => ({ family: p.family, given: p.given }));
  if (e.container) item[e.type === 'proceedings' ? 'collection-title' : 'container-title'] = e.container;
  if (e.place) item[e.type === 'thesis' && /University/u.test(e.place) ? 'publisher' : 'publisher-place'] = e.place;
  if (e.year) item['issued'] = { 'date-parts': [[Number(e.year)]] };
  if (e.type === 'thesis' && e.note) item['genre'] = e.note;
  else if (e.note) item['note'] = e.note;
  item['language'] = e.language;
  return item;
}

/** Columns of the archival-references downloads, in order. */
export const ARCHIVAL_COLUMNS = ['id', 'archive', 'successor', 'fond', 'opis', 'delo', 'folios', 'form', 'raw', 'remarks', 'section', 'note', 'note_number', 'scope', 'original_page', 'note_url', 'index_url', 'continues'] as const;

export type ArchivalRow = Record<(typeof ARCHIVAL_COLUMNS)[number], string | number | null>;

export function archivalRow(r: ArchivalReference, site: string): ArchivalRow {
  const base = site.replace(/\/$/u, '');
  return {
    id: r.id,
    archive: r.archive,
    successor: successorOf(r.archive)?.successor ?? null,
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
