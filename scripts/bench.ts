/**
 * Benchmark (not a test): parse time of the whole thesis and full build time (medians of several
 * runs), note counts per scope, and the weight of chapter pages against their own text.
 * Usage: npm run bench [-- --runs N --builds M]
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { buildEdition } from '../src/pipeline/edition.ts';
import { readEditionInput } from './edition-input.ts';
import { chapterWeights, markupLine, scriptLine, scriptWeights, weightLine } from './chapter-weights.ts';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const { input } = readEditionInput(root);

const parseRuns = arg('runs', 15);
const parseTimes: number[] = [];
let edition = buildEdition(input);
for (let i = 0; i < parseRuns; i++) {
  const t0 = performance.now();
  edition = buildEdition(input);
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

console.log('\nchapter pages: transferred HTML+CSS (gzip) vs gzip of the chapter\'s own text; JS needed to read: none');
const weights = chapterWeights(join(root, 'dist'), edition);
for (const w of weights) console.log(weightLine(w));
console.log('\nwhat the markup costs (gzip), and what a ratio of 1.3 would leave it');
for (const w of weights) console.log(markupLine(w));
console.log('\nmap and chart pages: JavaScript transferred before any interaction (scripts and their static imports; Pagefind and the like load on demand)');
for (const w of scriptWeights(join(root, 'dist')).filter((x) => /^\/(maps|tables|diagrams)\//u.test(x.page))) console.log(scriptLine(w));
