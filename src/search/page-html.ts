import { pageKind, searchVariants, sectionFilter } from './records.ts';
import type { Section } from '../pipeline/model.ts';

/**
 * The copy of a built page that Pagefind indexes (dist/ itself is not changed): notes are left
 * out (each note is its own record), filters are added, and apostrophe-free and variant spellings
 * of the page's words are appended so that "Sokolniki" finds "Sokol'niki".
 */
export function pageForIndex(html: string, section: Pick<Section, 'id' | 'kind' | 'label'>): string {
  const withoutNotes = html.replace(/<section class="notes"/gu, '<section data-pagefind-ignore="all" class="notes"');
  const text = withoutNotes.replace(/<[^>]+>/gu, ' ');
  const variants = searchVariants(text);
  const filters = `<span data-pagefind-filter="section">${sectionFilter(section)}</span><span data-pagefind-filter="kind">${pageKind(section.id)}</span>`;
  const hidden = `<div data-pagefind-weight="0.2">${variants.join(' ')}</div>`;
  return withoutNotes.replace(/<\/article>/u, `${filters}${hidden}</article>`);
}
