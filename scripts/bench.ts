/**
 * Benchmark (not a test): parse time of the whole thesis and full build time (medians of several
 * runs), note counts per scope, and the weight of chapter pages against their own text.
 * Usage: npm run bench [-- --runs N --builds M]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildEdition } from '../src/pipeline/edition.ts';
import { blockText } from '../src/pipeline/block-text.ts';

const root = new URL('..', import.meta.url).pathname;
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const text = readFileSync(join(root, 'content/source/thesis.txt'), 'utf8');
const emendations = readdirSync(join(root, 'content/emendations'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, json: JSON.parse(readFileSync(join(root, 'content/emendations', f), 'utf8')) as unknown }));
const irregularities = JSON.parse(readFileSync(join(root, 'content/note-irregularities.json'), 'utf8')) as unknown;
const continuations = JSON.parse(readFileSync(join(root, 'content/paragraph-continuations.json'), 'utf8')) as unknown;

const parseRuns = arg('runs', 15);
const parseTimes: number[] = [];
let edition = buildEdition({ text, emendations, irregularities, continuations, sourceSha256: '' });
for (let i = 0; i < parseRuns; i++) {
  const t0 = performance.now();
  edition = buildEdition({ text, emendations, irregularities, continuations, sourceSha256: '' });
  parseTimes.push(performance.now() - t0);
}
console.log(`parse (buildEdition, whole thesis, incl. conservation check): median ${median(parseTimes).toFixed(0)} ms over ${parseRuns} runs (min ${Math.min(...parseTimes).toFixed(0)}, max ${Math.max(...parseTimes).toFixed(0)}); target ≤ 300 ms`);

const buildRuns = arg('builds', 3);
const buildTimes: number[] = [];
for (let i = 0; i < buildRuns; i++) {
  const t0 = performance.now();
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  buildTimes.push(performance.now() - t0);
}
if (buildRuns > 0) console.log(`full build (npm run build: pipeline + astro build + site checks): median ${(median(buildTimes) / 1000).toFixed(1)} s over ${buildRuns} runs; target ≤ 20 s`);

console.log('\nnotes per numbering scope');
for (const s of edition.noteScopes) console.log(`  ${s.label.padEnd(22)} ${String(s.notes).padStart(4)} notes ${String(s.markers).padStart(4)} markers`);
console.log(`  ${'total'.padEnd(22)} ${String(edition.stats.notes).padStart(4)} notes ${String(edition.stats.markers).padStart(4)} markers`);

/** The thesis's own words in a block: paragraphs, headings, tables (caption and cells), notes with their tables. */

console.log('\nchapter pages: transferred HTML+CSS (gzip) vs gzip of the chapter\'s own text; JS needed to read');
const css = readdirSync(join(root, 'dist/_astro')).filter((f) => f.endsWith('.css'));
const floors: string[] = [];
for (const s of edition.sections.filter((x) => x.kind === 'chapter')) {
  const html = readFileSync(join(root, 'dist', s.slug, 'index.html'), 'utf8');
  const linked = css.filter((f) => html.includes(f)).map((f) => readFileSync(join(root, 'dist/_astro', f)));
  const pageBytes = gzipSync(html).length + linked.reduce((a, b) => a + gzipSync(b).length, 0);
  const own = s.blocks.map(blockText).join('\n');
  const textBytes = gzipSync(own).length;
  const scripts = (html.match(/<script\b/gu) ?? []).length;
  // The floor: the same page with every tag removed (its words, header and contents as plain text) and its stylesheet.
  const cssBytes = pageBytes - gzipSync(html).length;
  const floorBytes = gzipSync(html.replace(/<[^>]*>/gu, '')).length + cssBytes;
  const links = (html.match(/<a\b/gu) ?? []).length;
  console.log(`  ${s.slug.padEnd(12)} page ${(pageBytes / 1024).toFixed(1).padStart(6)} KB  text ${(textBytes / 1024).toFixed(1).padStart(6)} KB  ratio ${(pageBytes / textBytes).toFixed(2)} (HTML alone ${(gzipSync(html).length / textBytes).toFixed(2)}; no markup at all ${(floorBytes / textBytes).toFixed(2)})  scripts ${scripts}`);
  floors.push(`  ${s.slug.padEnd(12)} markup ${((pageBytes - floorBytes) / 1024).toFixed(1).padStart(5)} KB for ${String(links).padStart(4)} links; 1.3 would leave ${((1.3 * textBytes - floorBytes) / 1024).toFixed(1).padStart(5)} KB (${Math.max(0, (1.3 * textBytes - floorBytes) / links).toFixed(1)} bytes a link)`);
}
console.log('\nwhat the markup costs (gzip), and what a ratio of 1.3 would leave it');
for (const line of floors) console.log(line);
