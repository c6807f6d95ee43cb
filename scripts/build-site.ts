/**
 * Builds the site without ever leaving a half-written one: Astro writes into a fresh folder beside
 * dist/ (Astro empties its output folder first, so a page that fails part-way would otherwise leave
 * dist/ with a fraction of its files), scripts/verify-dist.ts checks that folder, and only a build
 * that passes replaces dist/, by renames. On any failure the folder is removed and dist/ still
 * holds the last complete build. Run after `npm run content` (npm run build does both).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeAbandoned } from './abandoned.ts';
import { swapInto } from './swap-folder.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const next = join(root, `dist.next-${process.pid}`);
const previous = join(root, `dist.previous-${process.pid}`);

function step(label: string, command: string, args: readonly string[]): void {
  try {
    execFileSync(command, args, { cwd: root, stdio: 'inherit' });
  } catch {
    rmSync(next, { recursive: true, force: true });
    console.error(`error: ${label} failed (above); dist/ was not replaced${existsSync(dist) ? ': it still holds the last complete build' : ''}.`);
    process.exit(1);
  }
}

if (!existsSync(join(root, 'content/generated/edition.json'))) {
  console.error('error: content/generated/ is missing: run `npm run content` first (`npm run build` runs both).');
  process.exit(1);
}
removeAbandoned(root, /^dist\.(?:next|previous)-(\d+)$/u);
rmSync(next, { recursive: true, force: true });
step('astro build', 'npx', ['astro', 'build', '--outDir', next]);
step('verify-dist', 'node', [join(root, 'scripts/verify-dist.ts'), '--dir', next]);
swapInto(next, dist, previous);
