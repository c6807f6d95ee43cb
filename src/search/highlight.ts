/**
 * Links from results carry the terms to highlight on the page they open (Pagefind's highlight
 * script reads them from ?highlight=…), placed before the #fragment so the browser still scrolls.
 */

/** The parameter the landing page's highlighter reads (PagefindHighlight's highlightParam). */
export const HIGHLIGHT_PARAM = 'highlight';

/**
 * Words not worth marking on the page a result opens: the highlighter marks a term wherever it
 * occurs, inside other words too, so "the" marked 3,309 places in a chapter ("there", "Another").
 */
const UNMARKED = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'from', 'had', 'has', 'have', 'he', 'his', 'in', 'is', 'it', 'its', 'not', 'of', 'on', 'or', 'that', 'the', 'their', 'they', 'this', 'to', 'was', 'were', 'which', 'who', 'with']);

/** A term to mark: not a common word, and not two letters or fewer (marked inside every word) unless it holds a figure. */
const worthMarking = (t: string): boolean => !UNMARKED.has(t.trim().toLowerCase()) && (t.trim().length > 2 || /\d/u.test(t));

export function withHighlight(url: string, terms: readonly string[]): string {
  const unique = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 1))];
  // Only common words typed ("of the"): mark them rather than nothing.
  const wanted = unique.some(worthMarking) ? unique.filter(worthMarking) : unique;
  if (wanted.length === 0) return url;
  const hashAt = url.indexOf('#');
  const path = hashAt < 0 ? url : url.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : url.slice(hashAt);
  const params = wanted.map((t) => `${HIGHLIGHT_PARAM}=${encodeURIComponent(t)}`).join('&');
  return `${path}${path.includes('?') ? '&' : '?'}${params}${hash}`;
}

/** Characters the highlighter skips inside words, so "Sokolniki" marks "Sokol'niki". */
export const IGNORED_IN_WORDS = ["'", '’'];
