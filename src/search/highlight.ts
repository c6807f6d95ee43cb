/**
 * Links from results carry the terms to highlight on the page they open (Pagefind's highlight
 * script reads them from ?highlight=…), placed before the #fragment so the browser still scrolls.
 */

/** The parameter the landing page's highlighter reads (PagefindHighlight's highlightParam). */
export const HIGHLIGHT_PARAM = 'highlight';

export function withHighlight(url: string, terms: readonly string[]): string {
  const wanted = terms.filter((t) => t.trim().length > 1);
  if (wanted.length === 0) return url;
  const hashAt = url.indexOf('#');
  const path = hashAt < 0 ? url : url.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : url.slice(hashAt);
  const params = wanted.map((t) => `${HIGHLIGHT_PARAM}=${encodeURIComponent(t)}`).join('&');
  return `${path}${path.includes('?') ? '&' : '?'}${params}${hash}`;
}

/** Characters the highlighter skips inside words, so "Sokolniki" marks "Sokol'niki". */
export const IGNORED_IN_WORDS = ["'", '’'];
