import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildEdition } from '../../../src/pipeline/edition.ts';
import type { Edition, SourceLine } from '../../../src/pipeline/model.ts';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
export const thesis = readFileSync(join(root, 'content/source/thesis.txt'), 'utf8');
export const emendationFiles = readdirSync(join(root, 'content/emendations'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ file: `content/emendations/${f}`, json: JSON.parse(readFileSync(join(root, 'content/emendations', f), 'utf8')) as unknown }));
export const irregularities = JSON.parse(readFileSync(join(root, 'content/note-irregularities.json'), 'utf8')) as unknown;
export const continuations = JSON.parse(readFileSync(join(root, 'content/paragraph-continuations.json'), 'utf8')) as unknown;

/** A fixture copied verbatim from the thesis, as source lines numbered from `firstLine`. */
export function fixture(name: string, firstLine = 1): SourceLine[] {
  return readFileSync(join(root, 'tests/fixtures', name), 'utf8')
    .replace(/\n$/u, '')
    .split('\n')
    .map((text, i) => ({ n: firstLine + i, text }));
}

let real: Edition | null = null;
/** The edition built from the real thesis (once per test file). */
export function realEdition(): Edition {
  real ??= buildEdition({ text: thesis, emendations: emendationFiles, irregularities, continuations, sourceSha256: 'test' });
  return real;
}

export function build(text: string, overrides: { emendations?: { file: string; json: unknown }[]; irregularities?: unknown; continuations?: unknown } = {}): Edition {
  return buildEdition({ text, emendations: overrides.emendations ?? emendationFiles, irregularities: overrides.irregularities ?? irregularities, ...(overrides.continuations !== undefined ? { continuations: overrides.continuations } : {}), sourceSha256: 'test' });
}
