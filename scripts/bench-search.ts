/**
 * Search benchmark (not a test): index size on disk; the bytes a first query transfers (Pagefind
 * JS, WASM, metadata, filters, index chunks and the fragments of the first page of results, as
 * served, gzip where the server compresses); and the time from typing to results, in headless
 * Chromium against the local static server. Each query runs in a fresh browser context (cold
 * cache). Goal: first query ≤ 150 KB; results ≤ 300 ms.
 * Usage: npm run build, then npm run bench:search.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pagefindDir = join(root, 'dist/pagefind');
/** Bytes of the files a browser may fetch for search (the bundled UIs we do not use are left out). */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui)\.(js|css)$|^wasm\.unknown\.pagefind$/u;
function dirSize(d: string, skip: RegExp | null = null): number {
  return readdirSync(d).reduce((n, f) => {
    const p = join(d, f);
    if (skip?.test(f)) return n;
    return n + (statSync(p).isDirectory() ? dirSize(p) : statSync(p).size);
  }, 0);
}
const count = (d: string): number => readdirSync(d).length;

const port = Number(process.env['BENCH_PORT'] ?? 4620);
const server = spawn(process.execPath, [join(root, 'scripts/serve.ts'), '--port', String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));

const QUERIES = ['Uglanov', 'Sokolniki', 'Rabochaya Moskva', 'raikom secretaries', '"new opposition"', '7952/3/82', '7952/3/82, 152', 'TsGAOR 7952', 'T 2850'];
const RUNS = 3;

const statusText = (page: Page): Promise<string> => page.locator('#search-status').evaluate((e) => e.textContent ?? '');

interface Row {
  query: string;
  kb: number;
  requests: number;
  ms: number[];
  warm: number[];
  results: string;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const rows: Row[] = [];
try {
  for (const q of QUERIES) {
    const row: Row = { query: q, kb: 0, requests: 0, ms: [], warm: [], results: '?' };
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}/search/`);
      let bytes = 0;
      let requests = 0;
      page.on('requestfinished', (req) => {
        if (!req.url().includes('/pagefind/')) return;
        void req.sizes().then((s) => {
          bytes += s.responseBodySize + s.responseHeadersSize;
          requests++;
        });
      });
      // The reader focuses the box (which starts loading the engine), then types.
      await page.focus('#search-input');
      await page.waitForLoadState('networkidle');
      // Typing to results: from the query entering the box (one input event, as when pasted or
      // typed faster than the 80 ms pause) until the list shows the first page.
      const t0 = Date.now();
      await page.fill('#search-input', q);
      await page.waitForFunction(() => /^\d+ results? for|^No /u.test(document.querySelector('#search-status')?.textContent ?? ''));
      row.ms.push(Date.now() - t0);
      await page.waitForLoadState('networkidle');
      if (run === 0) {
        row.kb = bytes / 1024;
        row.requests = requests;
        row.results = (await statusText(page)).match(/^\d+|^No/u)?.[0] ?? '?';
      }
      // Warm: another query on the same page (engine and shared index chunks loaded).
      await page.fill('#search-input', '');
      await page.waitForFunction(() => (document.querySelector('#search-status')?.textContent ?? '') === '');
      const t1 = Date.now();
      await page.fill('#search-input', q);
      await page.waitForFunction(() => /^\d+ results? for|^No /u.test(document.querySelector('#search-status')?.textContent ?? ''));
      row.warm.push(Date.now() - t1);
      await context.close();
    }
    rows.push(row);
  }
} finally {
  await browser.close();
  server.kill();
}

console.log(`index on disk: ${(dirSize(pagefindDir) / 1024).toFixed(0)} KB in dist/pagefind (${(dirSize(pagefindDir, UNUSED) / 1024).toFixed(0)} KB without the bundled UIs this site does not load); ${count(join(pagefindDir, 'fragment'))} fragments, ${count(join(pagefindDir, 'index'))} index chunks`);
console.log('');
console.log(`| ${'query'.padEnd(20)} | first query KB | requests | ms to results (median of ${RUNS}) | warm ms | results |`);
console.log(`|${'-'.repeat(22)}|---------------:|---------:|-------------------------:|--------:|--------:|`);
for (const r of rows) {
  console.log(`| ${r.query.padEnd(20)} | ${r.kb.toFixed(1).padStart(14)} | ${String(r.requests).padStart(8)} | ${String(median(r.ms)).padStart(24)} | ${String(median(r.warm)).padStart(7)} | ${r.results.padStart(7)} |`);
}
console.log('');
console.log('KB: everything fetched from /pagefind/ for the first query, engine included (cold cache). ms: query entered to the first page of results on screen, after the box was focused (80 ms typing pause included). Warm: the same query again on that page.');
