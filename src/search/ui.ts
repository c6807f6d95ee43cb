/**
 * The two bits of search that every page carries (kept tiny; the search page's client is
 * page.ts, and Pagefind itself loads only when the reader searches): the "/" shortcut to the
 * header search box, and, on a page opened from a result, the highlighting of the searched terms.
 */
import { HIGHLIGHT_PARAM, IGNORED_IN_WORDS } from './highlight.ts';

/** On a page reached from a result: highlight the searched terms (Pagefind's highlight script), then bring the target into view. */
export async function highlightFromUrl(win: Window): Promise<void> {
  if (!new URLSearchParams(win.location.search).has(HIGHLIGHT_PARAM)) return;
  const url = '/pagefind/pagefind-highlight.js';
  const mod = (await import(/* @vite-ignore */ url)) as { default: new (o: Record<string, unknown>) => unknown };
  new mod.default({
    highlightParam: HIGHLIGHT_PARAM,
    addStyles: false,
    // The defaults, plus: let "Sokolniki" mark "Sokol'niki" (the index ignores the apostrophe too),
    // and a word a link splits ("<a>25,000</a>ers", an emendation) be marked across the elements.
    markOptions: { className: 'pagefind-highlight', exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *'], ignorePunctuation: IGNORED_IN_WORDS, acrossElements: true },
  });
  const target = win.location.hash ? win.document.getElementById(decodeURIComponent(win.location.hash.slice(1))) : null;
  target?.scrollIntoView({ block: 'center' });
}

/** "/" anywhere (outside a text field) focuses the search box: the search page's own, else the header's. */
export function searchShortcut(doc: Document): void {
  doc.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.altKey || event.ctrlKey || event.metaKey) return;
    if ((event.target as Element | null)?.closest?.('input, textarea, select, [contenteditable]')) return;
    const box = doc.querySelector<HTMLInputElement>('#search-input') ?? doc.querySelector<HTMLInputElement>('#site-search-q');
    if (!box) return;
    event.preventDefault();
    box.focus();
  });
}
