/**
 * The Pagefind records of the edition, built from the typed model (not from the pages): one per
 * paragraph, table, glossary or abbreviation row, and footnote, each linking to its own anchor.
 * Small records keep the fragments a first query fetches small, and each result lands on what
 * matched. Nothing is indexed twice: the pages themselves are not indexed.
 */
import type { CustomRecord } from 'pagefind';
import type { Edition, Inline, Note, Section, TableBlock } from '../pipeline/model.ts';
import { inlineText } from '../pipeline/inline.ts';
import { citationStream } from '../citations/stream.ts';
import { rowAnchors } from '../render/row-anchors.ts';
import { archivalFilterValues } from './archival.ts';

/** Values of the "kind" filter. */
export type ResultKind = 'text' | 'note' | 'table' | 'appendix' | 'glossary' | 'bibliography';

/** The "section" filter value: "Introduction", "Chapter 2", "Conclusion", or "Back matter". */
export function sectionFilter(section: Pick<Section, 'kind' | 'label'>): string {
  return section.kind === 'chapter' ? section.label : 'Back matter';
}

/** The kind of result a section's paragraphs give. */
export function pageKind(sectionId: string): ResultKind {
  switch (sectionId) {
    case 'tables':
      return 'table';
    case 'appendices':
      return 'appendix';
    case 'glossary':
    case 'abbreviations':
      return 'glossary';
    case 'bibliography':
      return 'bibliography';
    default:
      return 'text';
  }
}

const oneLine = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/** Text of a table: caption and cells, row by row. */
export function tableText(t: Pick<TableBlock, 'caption' | 'headRows' | 'bodyRows'>): string {
  return oneLine([t.caption ? inlineText(t.caption) : '', ...[...t.headRows, ...t.bodyRows].map((r) => rowText(r))].join(' '));
}

const rowText = (row: Inline[][]): string => oneLine(row.map((c) => inlineText(c)).join(' '));

/** A heading as a result title: without its note markers. */
const headingText = (content: Inline[]): string => oneLine(inlineText(content).replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/gu, ''));

/** Sort key giving reference-only searches (no words to rank by) the edition's reading order. */
const order = (n: number): string => String(n).padStart(5, '0');

/**
 * One record per paragraph, table, and glossary or abbreviation row of the text and back matter
 * (notes are records of their own). Meta: title "Chapter 2 › The 'New Opposition' of 1925.",
 * place (with the thesis page), and heading (the URL of the heading the result falls under, so
 * the results list can group a section's paragraphs as sub-results).
 */
export function textRecords(edition: Edition): CustomRecord[] {
  const records: CustomRecord[] = [];
  for (const section of edition.sections) {
    if (section.kind === 'front') continue;
    const kind = pageKind(section.id);
    const rows = rowAnchors(section);
    let heading = '';
    let headingUrl = `/${section.slug}/`;
    const push = (anchor: string, content: string, title: string, pages: number[], recordKind: ResultKind): void => {
      if (content === '') return;
      const page = pages.length ? [...new Set([pages[0], pages[pages.length - 1]])].join('–') : '';
      records.push({
        url: `/${section.slug}/#${anchor}`,
        content,
        language: 'en',
        meta: { title, place: page ? `${title} (thesis p. ${page})` : title, heading: headingUrl, ...(page ? { page } : {}) },
        filters: { section: [sectionFilter(section)], kind: [recordKind] },
      });
    };
    for (const block of section.blocks) {
      const where = heading ? `${section.label} › ${heading}` : section.label;
      if (block.kind === 'heading') {
        heading = headingText(block.content);
        headingUrl = `/${section.slug}/#${block.id}`;
      } else if (block.kind === 'paragraph') {
        push(block.id, oneLine(inlineText(block.content)), where, block.pages, kind);
      } else if (block.kind === 'table' && rows.has(block.id)) {
        // Glossary and abbreviation rows: one record per term, landing on its row.
        const ids = rows.get(block.id) ?? [];
        const caption = block.caption ? headingText(block.caption) : '';
        block.bodyRows.forEach((row, k) => {
          const id = ids[block.headRows.length + k]?.[0] ?? block.id;
          const term = oneLine(inlineText(row[0] ?? []));
          push(id, [caption, rowText(row)].filter(Boolean).join(' '), `${section.label}: ${term}`, [], 'glossary');
        });
      } else if (block.kind === 'table') {
        push(block.id, oneLine(`${heading} ${tableText(block)}`), where, [], kind === 'text' ? 'table' : kind);
      }
    }
  }
  return records;
}

/** A note's text with the paragraphs and tables printed under it. */
export function noteText(note: Pick<Note, 'content' | 'extra'>): string {
  return oneLine([inlineText(note.content), ...note.extra.map((x) => (x.kind === 'paragraph' ? inlineText(x.content) : tableText(x)))].join(' '));
}

/**
 * One record per footnote, titled with its place ("Chapter 2, part 3, note 15") and linking
 * straight to it. The archival references it cites (directly, or by ibid. and loc. cit.) are
 * values of the "ref" filter, which the search page matches exactly (see archival.ts).
 */
export function noteRecords(edition: Edition): CustomRecord[] {
  const refsByNote = new Map<string, Set<string>>();
  for (const ref of citationStream(edition).archival) {
    if (ref.form === 'example') continue;
    const set = refsByNote.get(ref.noteId) ?? new Set<string>();
    for (const v of archivalFilterValues(ref)) set.add(v);
    refsByNote.set(ref.noteId, set);
  }
  const records: CustomRecord[] = [];
  for (const section of edition.sections) {
    for (const block of section.blocks) {
      if (block.kind !== 'notes') continue;
      for (const note of block.notes) {
        const title = `${block.scopeLabel}, note ${note.n}`;
        const refs = [...(refsByNote.get(note.id) ?? [])];
        records.push({
          url: `/${section.slug}/#${note.id}`,
          content: noteText(note),
          language: 'en',
          meta: { title, place: note.page !== null ? `${title} (thesis p. ${note.page})` : title },
          filters: { section: [sectionFilter(section)], kind: ['note'], ...(refs.length ? { ref: refs } : {}) },
          sort: { order: order(records.length) },
        });
      }
    }
  }
  return records;
}
