/**
 * Lighthouse (mobile preset) against the built site served locally, in the system Chromium:
 * performance, accessibility, best practices and SEO for home, the longest chapter, search and
 * a map page (those that exist). A benchmark, not a test. Usage: npm run bench:lighthouse
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = 4610;
const server = spawn(process.execPath, [join(root, 'scripts/serve.ts'), '--port', String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));

// The longest chapter by HTML size.
const pages = ['/', '/chapter-2/', '/search/', '/maps/1925/'].filter((p) => existsSync(join(root, 'dist', p, 'index.html')));
const chrome = await chromeLauncher.launch({
  chromePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'lh-'))}`],
});
try {
  console.log('page'.padEnd(16), 'perf', 'a11y', 'best', 'seo', '   FCP    LCP   TBT   CLS  (simulated mobile, ms)');
  for (const page of pages) {
    const result = await lighthouse(`http://127.0.0.1:${port}${page}`, { port: chrome.port, output: 'json', logLevel: 'error', formFactor: 'mobile', screenEmulation: { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false } });
    const c = result?.lhr.categories;
    const score = (k: string): string => String(Math.round((c?.[k]?.score ?? 0) * 100)).padStart(4);
    const audit = (k: string): number => result?.lhr.audits[k]?.numericValue ?? NaN;
    const ms = (k: string, w: number): string => String(Math.round(audit(k))).padStart(w);
    console.log(page.padEnd(16), score('performance'), score('accessibility'), score('best-practices'), score('seo'), ms('first-contentful-paint', 6), ms('largest-contentful-paint', 6), ms('total-blocking-time', 5), audit('cumulative-layout-shift').toFixed(3).padStart(5));
  }
} finally {
  await chrome.kill();
  server.kill();
}
