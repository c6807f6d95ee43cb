/**
 * The search page's client: loads Pagefind only when the reader searches, rewrites the query
 * (normaliseQuery), shows note results titled with their place, page results with sub-results,
 * and section/kind filters with counts. Results are announced in a live region.
 */
import { normaliseQuery } from './tokens.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters?: Record<string, string[]>;
}
interface PagefindSearch {
  results: { id: string; score: number; data(): Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
  unfilteredResultCount: number;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string, o?: { filters?: Record<string, string[]> }): Promise<PagefindSearch | null>;
  debouncedSearch(q: string, o?: { filters?: Record<string, string[]> }, ms?: number): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

let engine: Promise<Pagefind> | null = null;

/** Load Pagefind once, on first use (not on page load). */
export function loadPagefind(base = '/pagefind/'): Promise<Pagefind> {
  engine ??= (async () => {
    const url = `${base}pagefind.js`;
    const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pf.options({ excerptLength: 24 });
    await pf.init();
    // Filter counts come back with results only once the filter index is loaded.
    await pf.filters();
    return pf;
  })();
  return engine;
}

/** A result URL with the terms to highlight on the target page, before its #fragment. */
export function withHighlight(url: string, query: string): string {
  const terms = query.split(/\s+/u).filter((t) => t.length > 1 && !/^(f\d|trotsky\d|tsga)/u.test(t));
  if (terms.length === 0) return url;
  const [path, hash] = url.split('#') as [string, string | undefined];
  const params = terms.map((t) => `highlight=${encodeURIComponent(t)}`).join('&');
  return `${path}${path.includes('?') ? '&' : '?'}${params}${hash ? `#${hash}` : ''}`;
}

/** Results fetched at a time: each result's fragment is a request, so the first page stays small. */
const PAGE = 10;

const ORDER = ['Introduction', 'Chapter 1', 'Chapter 2', 'Chapter 3', 'Chapter 4', 'Chapter 5', 'Chapter 6', 'Conclusion', 'Back matter'];

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(doc.createElement(tag), props);
  e.append(...kids);
  return e;
}

/** Excerpts come from Pagefind with <mark> around matches; keep only text and <mark>. */
function excerptNode(doc: Document, html: string): DocumentFragment {
  const frag = doc.createDocumentFragment();
  const parts = html.split(/(<mark>|<\/mark>)/u);
  let marking = false;
  const tmp = doc.createElement('textarea');
  for (const p of parts) {
    if (p === '<mark>') marking = true;
    else if (p === '</mark>') marking = false;
    else {
      tmp.innerHTML = p.replace(/<[^>]*>/gu, '');
      const text = doc.createTextNode(tmp.value);
      frag.append(marking ? el(doc, 'mark', {}, text) : text);
    }
  }
  return frag;
}

export function initSearchPage(doc: Document): void {
  const form = doc.querySelector<HTMLFormElement>('#search-form');
  const input = doc.querySelector<HTMLInputElement>('#search-input');
  const status = doc.querySelector<HTMLElement>('#search-status');
  const list = doc.querySelector<HTMLOListElement>('#search-results');
  const filterBox = doc.querySelector<HTMLElement>('#search-filters');
  const more = doc.querySelector<HTMLButtonElement>('#search-more');
  const win = doc.defaultView;
  if (!form || !input || !status || !list || !filterBox || !more || !win) return;
  const params = new URLSearchParams(win.location.search);
  input.value = params.get('q') ?? '';
  const chosen: Record<string, Set<string>> = { section: new Set(params.getAll('section')), kind: new Set(params.getAll('kind')) };
  let generation = 0;

  const renderFilters = (search: PagefindSearch): void => {
    filterBox.replaceChildren();
    for (const [name, legend] of [['section', 'Section'], ['kind', 'Kind']] as const) {
      const counts = search.filters[name] ?? {};
      const all = search.totalFilters[name] ?? counts;
      const values = Object.keys(all).sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b));
      if (values.length === 0) continue;
      const fs = el(doc, 'fieldset', { className: 'search-filter' }, el(doc, 'legend', {}, legend));
      for (const v of values) {
        const box = el(doc, 'input', { type: 'checkbox', name, value: v, checked: chosen[name]?.has(v) ?? false });
        box.addEventListener('change', () => {
          if (box.checked) chosen[name]?.add(v);
          else chosen[name]?.delete(v);
          void run();
        });
        fs.append(el(doc, 'label', {}, box, ` ${v} `, el(doc, 'span', { className: 'count' }, `(${counts[v] ?? 0})`)));
      }
      filterBox.append(fs);
    }
  };

  const run = async (): Promise<void> => {
    const raw = input.value.trim();
    const mine = ++generation;
    const url = new URL(win.location.href);
    url.search = '';
    if (raw) url.searchParams.set('q', raw);
    for (const [k, set] of Object.entries(chosen)) for (const v of set) url.searchParams.append(k, v);
    win.history.replaceState(null, '', url);
    if (!raw) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '';
      return;
    }
    status.textContent = 'Searching…';
    const pf = await loadPagefind();
    const query = normaliseQuery(raw);
    const filters: Record<string, string[]> = {};
    for (const [k, set] of Object.entries(chosen)) if (set.size) filters[k] = [...set];
    const search = await pf.search(query, { filters });
    if (mine !== generation || !search) return;
    const shown = await Promise.all(search.results.slice(0, PAGE).map((r) => r.data()));
    if (mine !== generation) return;
    renderFilters(search);
    list.replaceChildren(...shown.map(renderResult));
    let next = PAGE;
    more.hidden = search.results.length <= next;
    more.onclick = async () => {
      const batch = await Promise.all(search.results.slice(next, next + PAGE).map((r) => r.data()));
      if (mine !== generation) return;
      const items = batch.map(renderResult);
      list.append(...items);
      next += PAGE;
      more.hidden = search.results.length <= next;
      items[0]?.querySelector('a')?.focus();
      status.textContent = `${search.results.length} results for “${raw}” (showing ${Math.min(next, search.results.length)}).`;
    };
    const n = search.results.length;
    status.textContent = `${n} result${n === 1 ? '' : 's'} for “${raw}”${n > shown.length ? ` (showing ${shown.length})` : ''}.`;
  };

  function renderResult(d: PagefindResultData): HTMLLIElement {
    const query = normaliseQuery(input?.value ?? '');
    {
      const isNote = (d.filters?.['kind'] ?? []).includes('note');
      const title = d.meta['place'] ?? d.meta['title'] ?? d.url;
      const item = el(doc, 'li', { className: isNote ? 'result result-note' : 'result' }, el(doc, 'a', { href: withHighlight(d.url, query), className: 'result-title' }, title));
      item.append(el(doc, 'p', { className: 'result-excerpt' }, excerptNode(doc, d.excerpt)));
      return item;
    }
  }

  // Focus (or a query in the URL) starts loading the engine, so results come fast when typing.
  input.addEventListener('focus', () => void loadPagefind(), { once: true });
  let timer = 0;
  input.addEventListener('input', () => {
    win.clearTimeout(timer);
    timer = win.setTimeout(() => void run(), 120);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  if (input.value) void run();
}

/** On a page reached from a result: highlight the searched terms (Pagefind's highlight script). */
export async function highlightFromUrl(win: Window): Promise<void> {
  if (!new URLSearchParams(win.location.search).has('highlight')) return;
  const url = '/pagefind/pagefind-highlight.js';
  const mod = (await import(/* @vite-ignore */ url)) as { default: new (o: Record<string, unknown>) => unknown };
  new mod.default({ highlightParam: 'highlight', addStyles: false });
  win.document.getElementById(decodeURIComponent(win.location.hash.slice(1)))?.scrollIntoView({ block: 'center' });
}

/** "/" anywhere (outside a text field) focuses the header search box. */
export function searchShortcut(doc: Document): void {
  doc.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.altKey || event.ctrlKey || event.metaKey) return;
    if ((event.target as Element | null)?.closest('input, textarea, select, [contenteditable]')) return;
    const box = doc.querySelector<HTMLInputElement>('#site-search-q');
    if (!box) return;
    event.preventDefault();
    box.focus();
  });
}
