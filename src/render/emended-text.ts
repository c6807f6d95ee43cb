import { escapeHtml } from './escape.ts';

export interface TextEmendation {
  id: string;
  original: string;
  corrected: string;
  /** An editorial note keeps the printed reading and says why it is flagged. */
  kind?: 'emendation' | 'editorial-note';
  reason?: string;
}

/**
 * An emended reading as the text shows it: corrected, with the printed reading on hover. A link to
 * its entry on the Emendations page (under `href`), or, inside another link (a link holds no link),
 * a marked span.
 */
export function emendationMark(e: TextEmendation, href: string | null): string {
  const note = e.kind === 'editorial-note';
  const cls = note ? 'editorial-flag' : 'emend';
  const title = note ? `Editorial note: ${e.reason ?? ''}` : `Emended; the thesis prints “${e.original}”`;
  const attrs = `data-original="${escapeHtml(e.original)}" title="${escapeHtml(title)}"`;
  return href === null ? `<span class="${cls}" ${attrs}>${escapeHtml(e.corrected)}</span>` : `<a class="${cls}" href="${escapeHtml(href)}#${escapeHtml(e.id)}" ${attrs}>${escapeHtml(e.corrected)}</a>`;
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
    out += escapeHtml(text.slice(pos, at)) + emendationMark(e, href);
    pos = at + e.corrected.length;
  }
  return out + escapeHtml(text.slice(pos));
}
