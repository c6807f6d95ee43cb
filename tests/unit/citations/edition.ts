/** The edition built from the real thesis by the pure pipeline, once per test file. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildEdition } from '../../../src/pipeline/edition.ts';
import type { Edition } from '../../../src/pipeline/model.ts';
import { textContexts, type TextContext } from '../../../src/citations/contexts.ts';

const root = new URL('../../../', import.meta.url).pathname;

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

/** The text block with this id (a note, a paragraph…). */
export function context(block: string, section?: string): TextContext {
  const c = textContexts(realEdition()).find((x) => x.block === block && (section === undefined || x.section === section));
  if (!c) throw new Error(`no block ${block}`);
  return c;
}
