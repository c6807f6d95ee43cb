import { escapeHtml } from './escape.ts';

export interface TextEmendation {
  id: string;
  original: string;
  corrected: string;
}

/**
 * Plain text (a table's note or source, kept as a string in the data) as HTML with the emendations
 * made in it marked and linked, as the reading text marks them: each corrected reading, where it is
 * found, becomes a link to its entry on the Emendations page that says what the thesis prints.
 */
export function markEmendations(text: string, emendations: readonly TextEmendation[], href = '/emendations/'): string {
  const spans: { at: number; e: TextEmendation }[] = [];
  for (const e of emendations) {
    const taken = (at: number): boolean => spans.some((s) => at < s.at + s.e.corrected.length && s.at < at + e.corrected.length);
    let at = e.corrected === '' ? -1 : text.indexOf(e.corrected);
    while (at >= 0 && taken(at)) at = text.indexOf(e.corrected, at + 1);
    if (at >= 0) spans.push({ at, e });
  }
  spans.sort((a, b) => a.at - b.at);
  let out = '';
  let pos = 0;
  for (const { at, e } of spans) {
    out += escapeHtml(text.slice(pos, at));
    out += `<a class="emend" href="${escapeHtml(href)}#${escapeHtml(e.id)}" data-original="${escapeHtml(e.original)}" title="Emended; the thesis prints “${escapeHtml(e.original)}”">${escapeHtml(e.corrected)}</a>`;
    pos = at + e.corrected.length;
  }
  return out + escapeHtml(text.slice(pos));
}
