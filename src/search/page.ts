/**
 * The search page's client. Pagefind loads when the reader focuses the box or arrives with a
 * query; the query is normalised (query.ts) into words and exact archival-reference filters;
 * notes are listed on their own, titled with their place, and paragraphs grouped under their
 * heading as sub-results; section and kind filters show counts; the count is announced.
 */
import { excerptAround, excerptSegments, printedForms, type Segment } from './excerpt.ts';
import { withHighlight } from './highlight.ts';
import { nearNote, notSpeltOtherwise, nothingButNear, wordsOnlyNear } from './nearest.ts';
import { holdsWord, suggestQuery, type Vocabulary } from './suggest.ts';
import { PHRASE, normaliseQuery, type NormalisedQuery } from './query.ts';
import type { SearchOutline } from './records.ts';
import { describeResult, groupResults, type ResultData, type ResultGroup } from './results.ts';
import { pagesLabel } from '../citations/cite.ts';

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}
interface PagefindSearch {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
interface SearchOptions {
  filters?: Record<string, string[]>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string | null, o?: SearchOptions): Promise<PagefindSearch | null>;
  preload(q: string, o?: SearchOptions): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

interface Engine {
  pf: Pagefind;
  outline: SearchOutline;
}

let engine: Promise<Engine> | null = null;
let vocabulary: Promise<Vocabulary> | null = null;

/** The edition's words (suggest.ts), fetched the first time a searched word is not found. */
function loadVocabulary(base = '/pagefind/'): Promise<Vocabulary> {
  vocabulary ??= fetch(`${base}edition-words.json`).then((r) => r.json() as Promise<Vocabulary>).catch(() => []);
  return vocabulary;
}

/** Load Pagefind and the outline (result titles) once, on first use (never on page load without a query). */
export function loadPagefind(base = '/pagefind/'): Promise<Engine> {
  engine ??= (async () => {
    const url = `${base}pagefind.js`;
    const outline = fetch(`${base}edition-outline.json`).then((r) => r.json() as Promise<SearchOutline>);
    const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
    // In the page rather than a worker: one file less to fetch, and this index is small enough
    // that a search never holds the page up.
    // pageLength: records are paragraphs and notes, not pages, and at Pagefind's default (0.75)
    // one-word roster lines ("Bauman.") outrank the chapters' paragraphs about Bauman.
    await pf.options({ excerptLength: 30, noWorker: true, ranking: { pageLength: 0.2 } });
    await pf.init();
    // Load the engine's metadata and WebAssembly now (a search for nothing fetches no index).
    await pf.preload('');
    return { pf, outline: await outline };
  })();
  return engine;
}

/** Results fetched at a time: each result's fragment is a request, so the first page stays small. */
const PAGE = 10;
/** Filters shown, in this order; values in reading order. */
const FILTERS = [
  ['section', 'Section'],
  ['kind', 'Kind'],
] as const;
const ORDER = ['Introduction', 'Chapter 1', 'Chapter 2', 'Chapter 3', 'Chapter 4', 'Chapter 5', 'Chapter 6', 'Conclusion', 'Back matter', 'text', 'note', 'table', 'appendix', 'glossary', 'bibliography', 'person'];
const rank = (v: string): number => (ORDER.indexOf(v) + 1 || 99);

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(doc.createElement(tag), props);
  e.append(...kids);
  return e;
}

function segmentsNode(doc: Document, segments: Segment[]): DocumentFragment {
  const frag = doc.createDocumentFragment();
  for (const s of segments) frag.append(s.mark ? el(doc, 'mark', {}, s.text) : s.text);
  return frag;
}

/** The excerpt: Pagefind's, or around the cited reference when only references were searched. */
function excerptOf(d: ResultData, q: NormalisedQuery): Segment[] {
  return q.text === null ? excerptAround(d.content ?? '', q.highlight) : excerptSegments(d.excerpt);
}

/** The words Pagefind marked in a result's excerpt, without the punctuation around them ("Uglanov," → "Uglanov"). */
function matchedWords(d: ResultData): string[] {
  return excerptSegments(d.excerpt).filter((s) => s.mark).map((s) => s.text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
}

/** The status line; `entries`, how many list items the shown results make (paragraphs under one heading are one). */
export function statusText(n: number, shown: number, raw: string, q: Pick<NormalisedQuery, 'text' | 'refs' | 'respelled'>, entries = shown): string {
  const respelled = q.respelled.length ? ` (searched as ${q.respelled.map(([, t]) => t).join(', ')}, as the thesis spells it)` : '';
  if (n === 0) return q.text === null ? `No notes cite ${q.refs.join(' and ')}.` : `No results for “${raw}”${respelled}.`;
  const grouped = entries < shown ? `, in ${entries} entries` : '';
  const more = n > shown ? ` (showing ${shown}${grouped})` : grouped ? ` (${grouped.slice(2)})` : '';
  return `${n} result${n === 1 ? '' : 's'} for “${raw}”${respelled}${more}.`;
}

export function initSearchPage(doc: Document): void {
  const form = doc.querySelector<HTMLFormElement>('#search-form');
  const input = doc.querySelector<HTMLInputElement>('#search-input');
  const status = doc.querySelector<HTMLElement>('#search-status');
  const list = doc.querySelector<HTMLOListElement>('#search-results');
  const filterBox = doc.querySelector<HTMLDetailsElement>('#search-filter-box');
  const filterList = doc.querySelector<HTMLElement>('#search-filters');
  const more = doc.querySelector<HTMLButtonElement>('#search-more');
  const announcer = doc.querySelector<HTMLElement>('#search-announce');
  const suggestion = doc.querySelector<HTMLElement>('#search-suggest');
  const win = doc.defaultView;
  if (!form || !input || !status || !list || !filterBox || !filterList || !more || !announcer || !suggestion || !win) return;
  // The status line changes with every pause in typing; a screen reader is told once the reader
  // stops (or at once, after Enter, a filter or "Show more"), not at each letter.
  let announceTimer = 0;
  let typing = false;
  const setStatus = (text: string, suggested: string | null = null): void => {
    status.textContent = text;
    // "Did you mean…": a link to that search, and said with the status.
    suggestion.hidden = suggested === null;
    suggestion.replaceChildren(...(suggested === null ? [] : ['Did you mean ', el(doc, 'a', { href: `/search/?q=${encodeURIComponent(suggested)}` }, suggested), '?']));
    const said = suggested === null ? text : `${text} Did you mean “${suggested}”?`;
    win.clearTimeout(announceTimer);
    if (typing) announceTimer = win.setTimeout(() => (announcer.textContent = said), 900);
    else announcer.textContent = said;
  };
  // Filters start folded on a phone, where they would push the results off the screen.
  filterBox.open = !win.matchMedia('(max-width: 40rem)').matches;
  const params = new URLSearchParams(win.location.search);
  input.value = params.get('q') ?? '';
  const chosen: Record<string, Set<string>> = Object.fromEntries(FILTERS.map(([name]) => [name, new Set(params.getAll(name))]));
  let generation = 0;
  let filtersLoaded = false;
  // Back from a result: as many results as were shown (after "Show more"), and the one followed in view.
  const arrived = (win.history.state ?? {}) as { shown?: number; followed?: string };
  let restore: { shown: number; followed: string | null } | null = arrived.shown ? { shown: arrived.shown, followed: arrived.followed ?? null } : null;
  list.addEventListener('click', (event) => {
    const a = (event.target as Element | null)?.closest?.('a');
    if (a) win.history.replaceState({ ...(win.history.state ?? {}), followed: a.getAttribute('href') }, '', win.location.href);
  });

  const searchOptions = (q: NormalisedQuery): SearchOptions => {
    const filters: Record<string, string[]> = {};
    for (const [k, set] of Object.entries(chosen)) if (set.size) filters[k] = [...set];
    if (q.refs.length) filters['ref'] = q.refs;
    // With no words to rank by (a reference alone), Pagefind lists the notes in the order they
    // were indexed: reading order.
    return { filters };
  };

  const renderFilters = (search: PagefindSearch): void => {
    // The boxes are drawn anew with each search's counts: the one the reader just ticked keeps the focus.
    const focused = doc.activeElement instanceof HTMLInputElement && filterList.contains(doc.activeElement) ? { name: doc.activeElement.name, value: doc.activeElement.value } : null;
    filterList.replaceChildren();
    for (const [name, legend] of FILTERS) {
      const counts = search.filters[name] ?? {};
      const values = Object.keys(search.totalFilters[name] ?? counts).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
      if (values.length === 0) continue;
      const fs = el(doc, 'fieldset', { className: 'search-filter' }, el(doc, 'legend', {}, legend));
      for (const v of values) {
        const checked = chosen[name]?.has(v) ?? false;
        // A value no result has cannot narrow the search: shown with its 0, out of the tab order, unless ticked.
        const box = el(doc, 'input', { type: 'checkbox', name, value: v, checked, disabled: !checked && (counts[v] ?? 0) === 0 });
        box.addEventListener('change', () => {
          if (box.checked) chosen[name]?.add(v);
          else chosen[name]?.delete(v);
          typing = false;
          void run();
        });
        fs.append(el(doc, 'label', {}, box, ` ${v} `, el(doc, 'span', { className: 'count' }, `(${counts[v] ?? 0})`)));
      }
      filterList.append(fs);
    }
    filterBox.hidden = filterList.childElementCount === 0;
    if (focused) filterList.querySelector<HTMLInputElement>(`input[name="${CSS.escape(focused.name)}"][value="${CSS.escape(focused.value)}"]`)?.focus();
  };

  const renderGroup = (g: ResultGroup, q: NormalisedQuery): HTMLLIElement => {
    // The landing page highlights exactly: give it each reference as this result prints it, too.
    // And the words Pagefind matched in it, as printed: "collectivisation" for "collectivization".
    const link = (url: string, d: ResultData | null, ...kids: (Node | string)[]): HTMLAnchorElement =>
      el(doc, 'a', { href: withHighlight(url, [...q.highlight, ...(d ? [...printedForms(d.content ?? '', q.highlight), ...matchedWords(d)] : [])]) }, ...kids);
    const [only] = g.items;
    const title = link(g.url, g.items.length === 1 && only ? only.data : null, g.title);
    title.className = 'result-title';
    const item = el(doc, 'li', { className: g.isNote ? 'result result-note' : 'result' }, title);
    if (g.items.length === 1 && only) {
      item.append(el(doc, 'p', { className: 'result-excerpt' }, segmentsNode(doc, excerptOf(only.data, q))));
      return item;
    }
    // Several paragraphs under one heading: each is a sub-result linking to its paragraph.
    const subs = g.items.map(({ data: d }) => {
      const page = d.meta['page'] ? el(doc, 'span', { className: 'result-page' }, `${pagesLabel(d.meta['page'])}: `) : '';
      return el(doc, 'li', {}, link(d.url, d, page, segmentsNode(doc, excerptOf(d, q))));
    });
    item.append(el(doc, 'ul', { className: 'sub-results' }, ...subs));
    return item;
  };

  const run = async (): Promise<void> => {
    const raw = input.value.trim();
    const mine = ++generation;
    const url = new URL(win.location.href);
    url.search = '';
    if (raw) url.searchParams.set('q', raw);
    for (const [k, set] of Object.entries(chosen)) for (const v of set) url.searchParams.append(k, v);
    const restoring = restore;
    restore = null;
    const want = Math.max(PAGE, restoring?.shown ?? 0);
    win.history.replaceState({ shown: want }, '', url);
    // Nothing to search for (the outline's respellings cannot change that: they only respell words).
    const bare = normaliseQuery(raw);
    if (bare.text === null && bare.refs.length === 0) {
      list.replaceChildren();
      more.hidden = true;
      filterBox.hidden = true;
      setStatus('');
      return;
    }
    const { pf, outline } = await loadPagefind();
    if (mine !== generation) return;
    // With the outline comes the edition's own "ya"/"yu" words, for a reader who types "ia"/"iu".
    const q = normaliseQuery(raw, outline.ia);
    const search = await pf.search(q.text, searchOptions(q));
    if (mine !== generation || !search) return;
    // Several words: the records that hold them as a phrase come first ("recruitment policy"), then
    // the others that hold them all, each in Pagefind's order.
    const phrase = q.text !== null && !PHRASE.test(q.text) && /\S\s+\S/u.test(q.text) ? await pf.search(`"${q.text.replace(/"/gu, '')}"`, searchOptions(q)) : null;
    if (mine !== generation) return;
    const inPhrase = new Set(phrase?.results.map((r) => r.id) ?? []);
    const inAll = new Set(search.results.map((r) => r.id));
    const results = phrase ? [...(phrase.results.filter((r) => inAll.has(r.id))), ...search.results.filter((r) => !inPhrase.has(r.id))] : search.results;
    const first = await Promise.all(results.slice(0, want).map((r) => r.data()));
    if (mine !== generation) return;
    const marked = first.flatMap(matchedWords);
    const unmatched = q.text === null ? [] : notSpeltOtherwise(wordsOnlyNear(q.text, marked), marked);
    const words = q.text !== null && (results.length === 0 || unmatched.length > 0) ? await loadVocabulary() : null;
    if (mine !== generation) return;
    // A word the edition holds was found, whatever the first results mark (Pagefind's stemming ranks
    // "industry" before the two "industrialization"s); the others were matched only by a prefix.
    const nearWords = words ? unmatched.filter((x) => !holdsWord(x.word, words)) : unmatched;
    // A word the edition does not hold: the edition's nearest word is offered ("Bucharin": Bukharin).
    const suggested = words ? suggestQuery(raw, words) : null;
    // Every word matched only by a short beginning ("Kaganovitch" by "K."): nothing was found, and the page says so.
    if (q.text !== null && nothingButNear(q.text, nearWords)) {
      list.replaceChildren();
      more.hidden = true;
      filterBox.hidden = true;
      setStatus(statusText(0, 0, raw, q), suggested);
      return;
    }
    renderFilters(search);
    // The filter index (about 10 KB) loads after the first results are on screen; then the
    // same search, from memory, gives the counts.
    if (!filtersLoaded) {
      filtersLoaded = true;
      void pf.filters().then(async () => {
        const counted = mine === generation ? await pf.search(q.text, searchOptions(q)) : null;
        if (counted && mine === generation) renderFilters(counted);
      });
    }
    // A word matched only by a short prefix of it (Pagefind's fallback for a word it never indexed) is said to be so.
    const near = nearNote(nearWords);
    const describe = (batch: ResultData[]) => groupResults(batch.map((d) => describeResult(d, outline)));
    list.replaceChildren(...describe(first).map((g) => renderGroup(g, q)));
    let next = want;
    const followed = restoring?.followed ? [...list.querySelectorAll('a')].find((a) => a.getAttribute('href') === restoring.followed) : undefined;
    if (followed) {
      followed.scrollIntoView({ block: 'center' });
      followed.focus({ preventScroll: true });
    }
    more.hidden = results.length <= next;
    more.onclick = async () => {
      const batch = await Promise.all(results.slice(next, next + PAGE).map((r) => r.data()));
      if (mine !== generation) return;
      const items = describe(batch).map((g) => renderGroup(g, q));
      list.append(...items);
      next += PAGE;
      win.history.replaceState({ ...(win.history.state ?? {}), shown: next }, '', win.location.href);
      more.hidden = results.length <= next;
      items[0]?.querySelector('a')?.focus();
      typing = false;
      setStatus(statusText(results.length, Math.min(next, results.length), raw, q, list.childElementCount) + near, suggested);
    };
    setStatus(statusText(results.length, first.length, raw, q, list.childElementCount) + near, suggested);
  };

  // Focus (or a query in the URL) starts loading the engine, so results come fast when typing.
  input.addEventListener('focus', () => void loadPagefind(), { once: true });
  let timer = 0;
  input.addEventListener('input', () => {
    win.clearTimeout(timer);
    // Fetch the index chunks for the words at once; search when typing pauses.
    const q = normaliseQuery(input.value);
    if (q.text !== null && engine) void engine.then(({ pf }) => pf.preload(q.text ?? '', searchOptions(q)));
    typing = true;
    timer = win.setTimeout(() => void run(), 80);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    win.clearTimeout(timer);
    typing = false;
    void run();
  });
  if (input.value) void run();
}
