/**
 * Search benchmark (not a test): index size on disk; bytes a first query transfers (Pagefind JS,
 * WASM, index chunks, filters and the fragments of the first page of results, gzip as served);
 * and the time from typing to results, in headless Chromium against the local server.
 * Usage: npm run bench:search (after npm run build).
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const root = new URL('..', import.meta.url).pathname;
const dirSize = (d: string): number => readdirSync(d).reduce((n, f) => n + (statSync(join(d, f)).isDirectory() ? dirSize(join(d, f)) : statSync(join(d, f)).size), 0);
const port = 4620;
const server = spawn(process.execPath, [join(root, 'scripts/serve.ts'), '--port', String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));

const queries = ['Uglanov', '7952/3/82', 'T 2850', 'Sokolniki', 'Rabochaya Moskva', 'raikom secretaries'];
const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  console.log(`index on disk: ${(dirSize(join(root, 'dist/pagefind')) / 1024).toFixed(0)} KB (dist/pagefind)`);
  console.log(`${'query'.padEnd(22)} ${'first query KB'.padStart(15)} ${'requests'.padStart(9)} ${'ms to results'.padStart(14)} results`);
  for (const q of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/search/`);
    let bytes = 0;
    let requests = 0;
    page.on('requestfinished', async (req) => {
      if (!req.url().includes('/pagefind/')) return;
      const sizes = await req.sizes();
      bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      requests++;
    });
    // The reader focuses the box (which loads the engine), then types.
    await page.focus('#search-input');
    await page.waitForLoadState('networkidle');
    const t0 = Date.now();
    await page.fill('#search-input', q);
    await page.waitForFunction(() => /result/u.test(document.querySelector('#search-status')?.textContent ?? ''));
    const ms = Date.now() - t0;
    await page.waitForTimeout(300);
    const count = (await page.locator('#search-status').textContent())?.match(/^\d+/u)?.[0] ?? '?';
    // Warm: a second query on the same page (engine and shared chunks loaded).
    const t1 = Date.now();
    await page.fill('#search-input', `${q} `);
    await page.fill('#search-input', q.split(' ')[0] as string);
    await page.waitForFunction((s) => (document.querySelector('#search-status')?.textContent ?? '').includes(s), q.split(' ')[0] as string);
    const warm = Date.now() - t1;
    console.log(`${q.padEnd(22)} ${(bytes / 1024).toFixed(1).padStart(15)} ${String(requests).padStart(9)} ${String(ms).padStart(8)} (warm ${warm}) ${count}`);
    await context.close();
  }
  console.log('(KB: everything Pagefind transfers for the first query, engine included; ms: typing to results after the box was focused, including the 120 ms debounce; warm: a second query)');
} finally {
  await browser.close();
  server.kill();
}
