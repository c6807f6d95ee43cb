import type { CustomRecord } from 'pagefind';
import type { Edition, Inline, Section } from '../pipeline/model.ts';
import { inlineText } from '../pipeline/inline.ts';
import { citationStream } from '../citations/stream.ts';
import { archivalTokens, apostropheFreeVariants, nameVariants } from './tokens.ts';

/** The filter value naming a section: "Introduction", "Chapter 2", "Conclusion", or "Back matter". */
export function sectionFilter(section: Pick<Section, 'kind' | 'label'>): string {
  return section.kind === 'chapter' ? section.label : 'Back matter';
}

/** The kind of result a section's page body gives. */
export function pageKind(sectionId: string): string {
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

/** Words to add to a record so apostrophe-free and variant spellings find it. */
export function searchVariants(text: string): string[] {
  return [...new Set([...apostropheFreeVariants(text), ...nameVariants(text)])];
}

/** Text of a table: caption and cells, row by row. */
function tableText(t: { caption: Inline[] | null; headRows: Inline[][][]; bodyRows: Inline[][][] }): string {
  return [t.caption ? inlineText(t.caption) : '', ...[...t.headRows, ...t.bodyRows].map((r) => r.map((c) => inlineText(c)).join(' '))].join(' ').replace(/\s+/gu, ' ').trim();
}

function withVariants(text: string, extra: string[] = []): string {
  const words = [...searchVariants(text), ...extra];
  return words.length ? `${text} ${words.join(' ')}` : text;
}

/**
 * One record per paragraph, table and heading-less line group of the text and back matter (notes
 * are records of their own). Small records keep the fragments a first query loads small, and
 * each result lands on its paragraph: "Chapter 2 › The 'New Opposition' of 1925 (p. 57)".
 */
export function textRecords(edition: Edition): CustomRecord[] {
  const records: CustomRecord[] = [];
  for (const section of edition.sections) {
    if (section.kind === 'front') continue;
    let heading = '';
    const kind = pageKind(section.id);
    for (const block of section.blocks) {
      if (block.kind === 'heading') {
        heading = inlineText(block.content).replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/gu, '').trim();
        continue;
      }
      if (block.kind !== 'paragraph' && block.kind !== 'table') continue;
      const text = block.kind === 'paragraph' ? inlineText(block.content) : tableText(block);
      if (text.trim() === '') continue;
      const where = heading ? `${section.label} › ${heading}` : section.label;
      const page = block.kind === 'paragraph' && block.pages.length ? ` (thesis p. ${block.pages.join('–')})` : '';
      records.push({
        url: `/${section.slug}/#${block.id}`,
        content: withVariants(heading && block.kind === 'table' ? `${heading} ${text}` : text),
        language: 'en',
        meta: { title: where, place: `${where}${page}` },
        filters: { section: [sectionFilter(section)], kind: [block.kind === 'table' && kind === 'text' ? 'table' : kind] },
      });
    }
  }
  return records;
}

function noteText(content: Inline[], extra: { content?: Inline[] }[]): string {
  return [inlineText(content), ...extra.map((x) => (x.content ? inlineText(x.content) : ''))].join(' ').trim();
}

/**
 * One Pagefind record per footnote, titled with its place ("Chapter 2, part 3, note 15") and
 * linking straight to it. Archival references add compact tokens (see tokens.ts).
 */
export function noteRecords(edition: Edition): CustomRecord[] {
  const tokensByNote = new Map<string, string[]>();
  for (const ref of citationStream(edition).archival) {
    if (ref.form === 'example') continue;
    tokensByNote.set(ref.noteId, [...(tokensByNote.get(ref.noteId) ?? []), ...archivalTokens(ref)]);
  }
  const records: CustomRecord[] = [];
  for (const section of edition.sections) {
    for (const block of section.blocks) {
      if (block.kind !== 'notes') continue;
      for (const note of block.notes) {
        const text = noteText(note.content, note.extra.map((x) => (x.kind === 'paragraph' ? { content: x.content } : {})));
        const title = `${block.scopeLabel}, note ${note.n}`;
        records.push({
          url: `/${section.slug}/#${note.id}`,
          content: withVariants(text, [...new Set(tokensByNote.get(note.id) ?? [])]),
          language: 'en',
          meta: { title, place: note.page !== null ? `${title} (thesis p. ${note.page})` : title, noteId: note.id },
          filters: { section: [sectionFilter(section)], kind: ['note'] },
        });
      }
    }
  }
  return records;
}
