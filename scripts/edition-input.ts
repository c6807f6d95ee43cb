/**
 * Reads what the pipeline is built from: the thesis, its emendations, the declared irregularities
 * and continuations. Shared by the build (scripts/build-content.ts), the benchmark and the weight
 * check, so all three build the same edition. A file that is not JSON is a SourceError naming it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EditionInput } from '../src/pipeline/edition.ts';
import { SourceError, jsonErrorLine } from '../src/pipeline/errors.ts';

/** A data file as JSON; a file that is not is a SourceError naming its line and the problem. */
export function readDataJson(path: string, label: string): unknown {
  const text = readFileSync(path, 'utf8');
  if (text.startsWith('\uFEFF')) throw new SourceError(label, 1, 'a byte-order mark (U+FEFF) at the start of the file: save it as UTF-8 without one');
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const trailing = /Unexpected token '[\]}]'/u.test(message) && /,\s*[\]}]/u.test(text) ? ' (a comma before a closing bracket?)' : '';
    throw new SourceError(label, jsonErrorLine(text, message), `not valid JSON: ${message.replace(/, (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/u, '')}${trailing}`);
  }
}

/**
 * The editor's other data files (identifications, reconciliations, successors, diagrams, places,
 * geodata), parsed before the modules that import them are loaded, so a broken one is named with
 * its line rather than failing an import with a stack trace. The generated content (and a killed
 * build's generated.tmp-*) is not the editor's.
 */
export function checkDataJson(root: string): void {
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? (d.name.startsWith('generated') ? [] : walk(join(dir, d.name))) : d.name.endsWith('.json') ? [join(dir, d.name)] : [],
    );
  for (const file of walk('content').sort()) readDataJson(join(root, file), file);
}

/** `thesisPath`: the source to read (the build honours THESIS_PATH for its own tests). */
export function readEditionInput(root: string, thesisPath = join(root, 'content/source/thesis.txt')): { input: EditionInput; bytes: Buffer } {
  const bytes = readFileSync(thesisPath);
  const emendations = join(root, 'content/emendations');
  const input: EditionInput = {
    text: new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes),
    emendations: readdirSync(emendations)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => ({ file: `content/emendations/${f}`, json: readDataJson(join(emendations, f), `content/emendations/${f}`) })),
    irregularities: readDataJson(join(root, 'content/note-irregularities.json'), 'content/note-irregularities.json'),
    continuations: readDataJson(join(root, 'content/paragraph-continuations.json'), 'content/paragraph-continuations.json'),
    sourceSha256: createHash('sha256').update(bytes).digest('hex'),
    recordedSha256: readFileSync(join(root, 'content/source/thesis.sha256'), 'utf8').trim(),
  };
  return { input, bytes };
}

/**
 * A failure of the content step as a SourceError naming its file, when it is the input's fault: a
 * file that is missing (read, or imported by a module), or an editor's data file a module rejected
 * as it loaded ("content/….json is malformed: …"). Anything else is a bug, and keeps its stack.
 */
export function asSourceError(err: unknown, root: string): SourceError | null {
  if (err instanceof SourceError) return err;
  if (!(err instanceof Error)) return null;
  const code = (err as NodeJS.ErrnoException).code;
  const missing = code === 'ENOENT' ? (err as NodeJS.ErrnoException).path : code === 'ERR_MODULE_NOT_FOUND' ? /Cannot find module '([^']+)'/u.exec(err.message)?.[1] : undefined;
  if (missing !== undefined) {
    const file = missing.startsWith(root) ? missing.slice(root.length) : missing;
    return new SourceError(file, null, 'the file is missing (it is part of the project: restore it from git, or check THESIS_PATH)');
  }
  const named = /^(content\/[^\s:]+\.json)(?::| is) (.*)$/su.exec(err.message);
  return named ? new SourceError(named[1] as string, null, named[2] as string) : null;
}
