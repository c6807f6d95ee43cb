/**
 * Reproducible builds: build the site a second time into a temporary folder and compare every
 * file with dist/ byte for byte. Differences are listed; any difference fails.
 * Run after `npm run build` (npm test does).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

const second = mkdtempSync(join(tmpdir(), 'edition-dist-'));
try {
  execFileSync('npx', ['astro', 'build', '--outDir', second], { cwd: root, stdio: 'ignore' });
  const a = hashes(join(root, 'dist'));
  const b = hashes(second);
  const differences = [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort();
  if (differences.length > 0) {
    console.error(`check-reproducible: ${differences.length} file(s) differ between two builds:`);
    for (const f of differences.slice(0, 40)) console.error(`  ${f}${a.has(f) ? '' : ' (only in the second build)'}${b.has(f) ? '' : ' (only in dist/)'}`);
    process.exit(1);
  }
  console.log(`check-reproducible: ${a.size} files byte-identical across two builds`);
} finally {
  rmSync(second, { recursive: true, force: true });
}
