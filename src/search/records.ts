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
        const extras = [...searchVariants(text), ...new Set(tokensByNote.get(note.id) ?? [])];
        const title = `${block.scopeLabel}, note ${note.n}`;
        records.push({
          url: `/${section.slug}/#${note.id}`,
          content: extras.length ? `${text} ${extras.join(' ')}` : text,
          language: 'en',
          meta: { title, place: note.page !== null ? `${title} (thesis p. ${note.page})` : title, noteId: note.id },
          filters: { section: [sectionFilter(section)], kind: ['note'] },
        });
      }
    }
  }
  return records;
}
