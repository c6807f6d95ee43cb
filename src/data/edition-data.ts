import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Edition, Section } from '../pipeline/model.ts';

let cached: Edition | null = null;

/**
 * The whole edition as written by scripts/build-content.ts, for build-time use by pages that need
 * more than one section (indexes, annotations, downloads). Read once per build.
 */
export function loadEdition(root = process.cwd()): Edition {
  if (cached) return cached;
  const dir = join(root, 'content/generated');
  const rest = JSON.parse(readFileSync(join(dir, 'edition.json'), 'utf8')) as Omit<Edition, 'sections'>;
  const sections = readdirSync(join(dir, 'sections'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, 'sections', f), 'utf8')) as Section & { order: number })
    .sort((a, b) => a.order - b.order);
  cached = { ...rest, sections };
  return cached;
}
