/**
 * Reads each chapter page of the built site and weighs it against its own text
 * (src/reading/page-weight.ts). Shared by `npm run bench` (which prints it) and
 * scripts/check-weight.ts (which enforces the budget in `npm test`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { htmlFiles } from '../src/html-files.ts';
import { gzipSync } from 'node:zlib';
import { isLeaflet, pageScripts } from '../src/reading/page-scripts.ts';
import { join } from 'node:path';
import { blockText } from '../src/pipeline/block-text.ts';
import type { Edition } from '../src/pipeline/model.ts';
import { floorRatio, linkedStylesheets, pageWeight, ratio, type PageWeight } from '../src/reading/page-weight.ts';

export interface ChapterWeight {
  readonly slug: string;
  readonly weight: PageWeight;
}

export function chapterWeights(dist: string, edition: Edition): ChapterWeight[] {
  return edition.sections
    .filter((s) => s.kind === 'chapter')
    .map((s) => {
      const html = readFileSync(join(dist, s.slug, 'index.html'), 'utf8');
      const css = linkedStylesheets(html).map((href) => readFileSync(join(dist, href)));
      return { slug: s.slug, weight: pageWeight(html, css, s.blocks.map(blockText).join('\n')) };
    });
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(1).padStart(6);

/** One line a page: what it transfers, its text, the ratio, the HTML alone and the no-markup floor. */
export function weightLine({ slug, weight: w }: ChapterWeight): string {
  return `  ${slug.padEnd(12)} page ${kb(w.html + w.css)} KB  text ${kb(w.text)} KB  ratio ${ratio(w).toFixed(2)} (HTML alone ${(w.html / w.text).toFixed(2)}; no markup at all ${floorRatio(w).toFixed(2)})  scripts ${w.scripts}`;
}

/** What the markup costs, and what the 1.3 would leave it. */
export function markupLine({ slug, weight: w }: ChapterWeight): string {
  const markup = w.html + w.css - w.floor;
  const left = 1.3 * w.text - w.floor;
  return `  ${slug.padEnd(12)} markup ${kb(markup)} KB for ${String(w.links).padStart(4)} links; 1.3 would leave ${kb(left)} KB (${Math.max(0, left / w.links).toFixed(1)} bytes a link)`;
}

export interface ScriptWeight {
  /** The page's path: "/maps/1925/". */
  readonly page: string;
  /** The scripts it transfers before any interaction (pageScripts), gzip bytes together. */
  readonly gzip: number;
  readonly files: readonly string[];
  readonly leaflet: boolean;
}

/** Every built page's scripts (src/reading/page-scripts.ts), by its path. */
export function scriptWeights(dist: string): ScriptWeight[] {
  const cache = new Map<string, string | null>();
  const read = (p: string): string | null => {
    if (!cache.has(p)) cache.set(p, existsSync(join(dist, p)) ? readFileSync(join(dist, p), 'utf8') : null);
    return cache.get(p) ?? null;
  };
  const pages = htmlFiles(dist).map((file) => relative(dist, file)).filter((rel) => rel.endsWith('index.html')).sort();
  return pages.map((rel) => {
    const files = pageScripts(readFileSync(join(dist, rel), 'utf8'), read);
    return {
      page: `/${rel.replace(/index\.html$/u, '')}`,
      gzip: files.reduce((sum, f) => sum + gzipSync(read(f) ?? '').length, 0),
      files,
      leaflet: files.some((f) => isLeaflet(read(f) ?? '')),
    };
  });
}

/** One line a map or chart page: its JavaScript, and whether Leaflet is in it. */
export function scriptLine(w: ScriptWeight): string {
  const named = w.files.map((f) => f.replace(/^_astro\//u, '').replace(/\.[\w-]{8}\.js$/u, '').replace(/\.astro_astro_type_script_index_0_lang$/u, '')).join(', ');
  return `  ${w.page.padEnd(20)} ${kb(w.gzip)} KB JS (gzip)  Leaflet ${w.leaflet ? 'yes' : 'no '}  [${named}]`;
}
