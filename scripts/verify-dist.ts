/**
 * Checks the built site, not just the model: every word of the source appears exactly once in
 * the edition's text regions ([data-edition]) across all pages; every internal link and #fragment
 * resolves; ids are unique on each page; every note marker and back-link has its target; each page's
 * CSP allows its own inline styles and no other page's, and no page inlines a script.
 * Exits non-zero naming the file and the problem.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { toLines } from '../src/pipeline/lines.ts';
import { compareWords, editionWords as editionWordsOf, sourceWords, wordsOf } from '../src/pipeline/conservation.ts';
import { inlineBodies, narrowPageCsp } from '../src/security/page-csp.ts';
import { htmlFiles } from '../src/html-files.ts';
import { loadEdition } from '../src/data/edition-data.ts';
import { inlineText } from '../src/pipeline/inline.ts';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// The folder to check: dist/, or the folder a build is written to before it replaces dist/
// (scripts/build-site.ts). Problems name files as they will be in dist/.
const dirArg = process.argv.indexOf('--dir');
const dist = dirArg > 0 ? (process.argv[dirArg + 1] as string) : join(root, 'dist');
const shown = (file: string): string => join('dist', relative(dist, file));

/** Text of elements a reader does not read as the thesis's words (numbers of markers, page markers…). */
const EDITORIAL = new Set(['fn', 'pb', 'note-num', 'backref']);
const BREAKS = new Set(['P', 'LI', 'TD', 'TH', 'TR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'DIV', 'SECTION', 'CAPTION', 'OL', 'UL', 'BR', 'ARTICLE', 'TABLE']);

interface El {
  nodeType: number;
  tagName: string;
  textContent: string | null;
  childNodes: ArrayLike<El>;
  classList: { contains(c: string): boolean };
  hasAttribute(n: string): boolean;
  getAttribute(n: string): string | null;
}

/**
 * Text of the thesis in an element: in the printed reading (each emendation's data-original), to
 * compare with the source; or as displayed, to compare with the model's corrected reading (so an
 * emended word the page fails to show is caught too).
 */
function editionText(el: El, reading: 'original' | 'displayed' = 'original'): string {
  let out = '';
  const walk = (node: El): void => {
    if (node.nodeType === 3) {
      out += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    if (node.hasAttribute('data-editorial') || [...EDITORIAL].some((c) => node.classList.contains(c))) return;
    const brk = BREAKS.has(node.tagName);
    if (brk) out += ' ';
    const original = reading === 'original' ? node.getAttribute('data-original') : null;
    if (original !== null) out += original;
    else Array.from(node.childNodes).forEach(walk);
    if (brk) out += ' ';
  };
  walk(el);
  return out;
}

/** '/chapter-2/' ← dist/chapter-2/index.html */
function routeOf(file: string): string {
  const rel = relative(dist, file).replace(/index\.html$/u, '');
  return `/${rel}`;
}

const problems: string[] = [];
/** Attributes whose value is one or more ids on the same page. */
const ID_REFERENCE_ATTRIBUTES = ['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-details', 'for', 'popovertarget', 'headers', 'list', 'form'] as const;
let checkedIdReferences = 0;
const files = htmlFiles(dist);
const idsByRoute = new Map<string, Set<string>>();
const linksByFile: { file: string; href: string }[] = [];
const editionWords: string[] = [];
const displayedWords: string[] = [];
/** Each page's count of each word as displayed (corrected readings), to say which page shows too few. */
const displayedByRoute = new Map<string, Map<string, number>>();
/** Each page's count of each word, to say which page lost a word when one is lost. */
const wordsByRoute = new Map<string, Map<string, number>>();

for (const file of files) {
  const html = readFileSync(file, 'utf8');
  try {
    const { dropped } = narrowPageCsp(html, shown(file));
    if (dropped > 0) problems.push(`${shown(file)}: its Content-Security-Policy allows ${dropped} inline script(s) or style(s) the page does not carry`);
  } catch (e) {
    problems.push((e as Error).message);
  }
  // Scripts ship as cached files (astro.config.mjs): an inline one would weigh on every load of its page.
  const inlineScripts = inlineBodies(html).script.length;
  if (inlineScripts > 0) problems.push(`${shown(file)}: carries ${inlineScripts} inline script(s); scripts are meant to be files (astro.config.mjs, vite.build.assetsInlineLimit)`);
  const { document } = parseHTML(html);
  const ids = new Set<string>();
  for (const el of document.querySelectorAll('[id]')) {
    const id = el.getAttribute('id') as string;
    if (ids.has(id)) problems.push(`${shown(file)}: duplicate id "${id}"`);
    ids.add(id);
  }
  idsByRoute.set(routeOf(file), ids);
  // An attribute that names elements by id must name ones on the page: a name or a description that points nowhere is silently lost to a screen reader.
  for (const attr of ID_REFERENCE_ATTRIBUTES) {
    for (const el of document.querySelectorAll(`[${attr}]`)) {
      for (const id of (el.getAttribute(attr) as string).split(/\s+/u).filter(Boolean)) {
        if (!ids.has(id)) problems.push(`${shown(file)}: ${attr}="${id}" names no element on the page`);
        checkedIdReferences++;
      }
    }
  }
  for (const a of document.querySelectorAll('a[href]')) linksByFile.push({ file, href: a.getAttribute('href') as string });
  for (const region of document.querySelectorAll('[data-edition]')) {
    // Nested regions are counted once, from the outermost.
    if ((region.parentElement as Element | null)?.closest('[data-edition]')) continue;
    const words = wordsOf(editionText(region as unknown as El));
    editionWords.push(...words);
    const shownWords = wordsOf(editionText(region as unknown as El, 'displayed'));
    displayedWords.push(...shownWords);
    const shownCounts = displayedByRoute.get(routeOf(file)) ?? new Map<string, number>();
    for (const w of shownWords) shownCounts.set(w, (shownCounts.get(w) ?? 0) + 1);
    displayedByRoute.set(routeOf(file), shownCounts);
    const counts = wordsByRoute.get(routeOf(file)) ?? new Map<string, number>();
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
    wordsByRoute.set(routeOf(file), counts);
  }
}

// Internal links: the route must exist and the fragment must be an id on it.
let checkedLinks = 0;
for (const { file, href } of linksByFile) {
  if (/^(https?:|mailto:|data:)/u.test(href)) continue;
  const [pathPart, fragment] = href.split('#') as [string, string | undefined];
  const route = pathPart === '' ? routeOf(file) : pathPart;
  checkedLinks++;
  if (/\.(csv|json|bib|ris|xml|txt|svg|js|css|png|pdf|geojson)$/u.test(route)) {
    try {
      statSync(join(dist, route));
    } catch {
      problems.push(`${shown(file)}: link to missing file ${href}`);
    }
    continue;
  }
  const ids = idsByRoute.get(route.endsWith('/') ? route : `${route}/`);
  if (!ids) {
    problems.push(`${shown(file)}: link to missing page ${href}`);
    continue;
  }
  if (fragment && !ids.has(decodeURIComponent(fragment))) problems.push(`${shown(file)}: link to missing anchor ${href}`);
}

// Every original page in the page map (the data download) has its anchor on the page it names.
const pageMap = JSON.parse(readFileSync(join(dist, 'data/page-map.json'), 'utf8')) as { page: number; url: string }[];
for (const p of pageMap) {
  const [route, fragment] = p.url.split('#') as [string, string];
  if (!idsByRoute.get(route)?.has(fragment)) problems.push(`dist/data/page-map.json: p. ${p.page} is at ${p.url}, an anchor the built site does not have`);
}

const sourceLines = toLines(readFileSync(join(root, 'content/source/thesis.txt'), 'utf8'));
const sections = loadEdition(root).sections;

/**
 * Which page lost a word, and where on it: a word such as "Party" is on hundreds of lines, so the
 * page of the section whose text holds it more often than the page does is named, then the block
 * (paragraph, heading, note) whose words in the model hold it more often than the page's element
 * with that block's id, with the block's source lines.
 */
/**
 * How often a section's text holds a word in the model: in the printed reading (what the source has
 * and data-original gives back) or corrected (what the page shows). The section's line range is not
 * the measure: a fused line's pieces can belong to the sections on either side of it.
 */
const inSection = (s: (typeof sections)[number], word: string, reading: 'original' | 'corrected'): number => editionWordsOf([s], reading).filter((w) => w === word).length;

function whereLost(m: { word: string; lines: number[]; count: number }): string[] {
  const found = sections.flatMap((s) => {
    const lines = m.lines.filter((l) => l >= s.lines[0] && l <= s.lines[1]);
    const onPage = wordsByRoute.get(`/${s.slug}/`);
    // A section without a page of its own (the front matter's, shown on another page) says nothing.
    const expected = onPage === undefined ? 0 : inSection(s, m.word, 'original');
    if (onPage === undefined || (onPage.get(m.word) ?? 0) >= expected) return [];
    const page = join(dist, s.slug, 'index.html');
    const { document } = parseHTML(readFileSync(page, 'utf8'));
    const count = (words: readonly string[]): number => words.filter((w) => w === m.word).length;
    const blocks = s.blocks.flatMap((b) => (b.kind === 'notes' ? b.notes.map((n) => ({ id: n.id, lines: [n.line], content: n.content })) : b.kind === 'paragraph' || b.kind === 'heading' ? [{ id: b.id, lines: b.lines, content: b.content }] : []));
    const block = blocks.find((b) => {
      const el = document.getElementById(b.id) as unknown as El | null;
      const expected = count(wordsOf(inlineText(b.content, 'original')));
      return expected > 0 && (el === null || count(wordsOf(editionText(el))) < expected);
    });
    const at = block ? ` in #${block.id}${document.getElementById(block.id) === null ? ' (missing from the page)' : ''} (content/source/thesis.txt:${block.lines[0]}${block.lines.length > 1 ? `-${block.lines[block.lines.length - 1]}` : ''})` : `; it is on line${lines.length > 1 ? 's' : ''} ${[...new Set(lines)].slice(0, 12).join(', ')}${lines.length > 12 ? ', …' : ''}`;
    return [`dist/${s.slug}/index.html: "${m.word}" appears ${expected - (onPage.get(m.word) ?? 0)}× fewer than in ${s.label} (content/source/thesis.txt, lines ${s.lines[0]}-${s.lines[1]})${at}`];
  });
  return found.length > 0 ? found : [`content/source/thesis.txt:${m.lines[0]}: "${m.word}" appears ${m.count}× fewer in the built site than in the source (source lines ${m.lines.slice(0, 5).join(', ')}${m.lines.length > 5 ? ', …' : ''})`];
}

/** Which page shows a word more often than its section's text holds it. */
function whereAdded(e: { word: string; count: number }): string[] {
  const found = sections.flatMap((s) => {
    const onPage = wordsByRoute.get(`/${s.slug}/`)?.get(e.word);
    if (onPage === undefined) return [];
    const expected = inSection(s, e.word, 'original');
    return onPage > expected ? [`dist/${s.slug}/index.html: "${e.word}" appears ${onPage - expected}× more than in ${s.label} (content/source/thesis.txt, lines ${s.lines[0]}-${s.lines[1]}): a duplicated or added word`] : [];
  });
  return found.length > 0 ? found : [`dist: "${e.word}" appears ${e.count}× more in the built site than in the source (a duplicated or added word in a [data-edition] region)`];
}

const report = compareWords(sourceWords(sourceLines), editionWords);
for (const m of report.missing.slice(0, 20)) problems.push(...whereLost(m));
for (const e of report.extra.slice(0, 20)) problems.push(...whereAdded(e));
// What the pages show: the model's corrected reading, word for word (an emended word shown blank or
// wrong is lost to the reader even though its printed reading is in data-original).
const displayed = compareWords({ words: editionWordsOf(sections, 'corrected'), lines: [] }, displayedWords);
for (const m of displayed.missing.slice(0, 20)) {
  // The page of the section whose corrected text has the word more often than the page shows it.
  const pages = sections.flatMap((s) => {
    const expected = inSection(s, m.word, 'corrected');
    const shownOnPage = displayedByRoute.get(`/${s.slug}/`)?.get(m.word);
    return shownOnPage !== undefined && shownOnPage < expected ? [`dist/${s.slug}/index.html`] : [];
  });
  problems.push(`${pages.join(', ') || 'dist'}: "${m.word}" is shown ${m.count}× fewer than the edition's corrected text has it`);
}
for (const e of displayed.extra.slice(0, 20)) problems.push(`dist: "${e.word}" is shown ${e.count}× more than the edition's corrected text has it`);

if (problems.length > 0) {
  console.error(`verify-dist: ${problems.length} problem(s)`);
  for (const p of problems.slice(0, 60)) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`verify-dist: ${files.length} pages; ${report.sourceWords} source words each found exactly once in the built edition; ${checkedLinks} internal links resolve; all ${pageMap.length} original pages have their anchors; ids unique and ${checkedIdReferences} id references (aria-labelledby, for…) resolve; each CSP allows only its page's inline code, and no page inlines a script; the pages show the corrected text word for word`);
