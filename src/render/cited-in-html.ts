import type { CitingNotes } from '../citations/cited-in.ts';
import { escapeHtml } from './escape.ts';

/**
 * "Cited in Chapter 1, nn. 1, 57; Chapter 6, n. 15": each number links to its note. Editorial, so
 * marked data-editorial (not the thesis's words); a paragraph after an entry, or a line in its cell.
 */
export function citedInHtml(groups: readonly CitingNotes[], tag: 'p' | 'span'): string {
  if (groups.length === 0) return '';
  const parts = groups.map((g) => `${escapeHtml(g.scope)}, ${g.notes.length > 1 ? 'nn.' : 'n.'} ${g.notes.map((x) => `<a href="${escapeHtml(x.href)}">${x.n}</a>`).join(', ')}`);
  return `<${tag} class="cited-in" data-editorial="">Cited in ${parts.join('; ')}</${tag}>`;
}
