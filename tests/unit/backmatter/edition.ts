/** The edition built from the real thesis by the pure pipeline, once per test file. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildEdition } from '../../../src/pipeline/edition.ts';
import type { Edition } from '../../../src/pipeline/model.ts';

export const root = new URL('../../../', import.meta.url).pathname;

let real: Edition | null = null;
export function realEdition(): Edition {
  real ??= buildEdition({
    text: readFileSync(join(root, 'content/source/thesis.txt'), 'utf8'),
    emendations: readdirSync(join(root, 'content/emendations'))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => ({ file: `content/emendations/${f}`, json: JSON.parse(readFileSync(join(root, 'content/emendations', f), 'utf8')) as unknown })),
    irregularities: JSON.parse(readFileSync(join(root, 'content/note-irregularities.json'), 'utf8')) as unknown,
    sourceSha256: 'test',
  });
  return real;
}
