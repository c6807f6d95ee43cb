/**
 * Reads what the pipeline is built from: the thesis, its emendations, the declared irregularities
 * and continuations. Shared by the build (scripts/build-content.ts), the benchmark and the weight
 * check, so all three build the same edition. A file that is not JSON is a SourceError naming it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EditionInput } from '../src/pipeline/edition.ts';
import { SourceError } from '../src/pipeline/errors.ts';

function readJson(path: string, label: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new SourceError(label, null, `cannot read JSON: ${(err as Error).message}`);
  }
}

/** `thesisPath`: the source to read (the build honours THESIS_PATH for its own tests). */
export function readEditionInput(root: string, thesisPath = join(root, 'content/source/thesis.txt')): { input: EditionInput; bytes: Buffer } {
  const bytes = readFileSync(thesisPath);
  const emendations = join(root, 'content/emendations');
  const input: EditionInput = {
    text: new TextDecoder('utf-8', { fatal: false }).decode(bytes),
    emendations: readdirSync(emendations)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => ({ file: `content/emendations/${f}`, json: readJson(join(emendations, f), `content/emendations/${f}`) })),
    irregularities: readJson(join(root, 'content/note-irregularities.json'), 'content/note-irregularities.json'),
    continuations: readJson(join(root, 'content/paragraph-continuations.json'), 'content/paragraph-continuations.json'),
    sourceSha256: createHash('sha256').update(bytes).digest('hex'),
  };
  return { input, bytes };
}
