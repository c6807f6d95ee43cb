/**
 * Thin I/O shell around the pure pipeline: read the thesis, emendations and declared
 * irregularities; build the edition; write content/generated/ atomically (a temporary folder
 * renamed into place), so a failed build never leaves half-written content.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildEdition } from '../src/pipeline/edition.ts';
import { SourceError } from '../src/pipeline/errors.ts';
import { citationReport, formatCitationReport } from '../src/citations/annotations.ts';

const root = new URL('..', import.meta.url).pathname;
const paths = {
  thesis: join(root, 'content/source/thesis.txt'),
  emendations: join(root, 'content/emendations'),
  irregularities: join(root, 'content/note-irregularities.json'),
  continuations: join(root, 'content/paragraph-continuations.json'),
  out: join(root, 'content/generated'),
};

function readJson(path: string, label: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new SourceError(label, null, `cannot read JSON: ${(err as Error).message}`);
  }
}

function main(): void {
  const t0 = performance.now();
  const bytes = readFileSync(process.env['THESIS_PATH'] ?? paths.thesis);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const edition = buildEdition({
    text,
    emendations: readdirSync(paths.emendations)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => ({ file: `content/emendations/${f}`, json: readJson(join(paths.emendations, f), `content/emendations/${f}`) })),
    irregularities: readJson(paths.irregularities, 'content/note-irregularities.json'),
    continuations: readJson(paths.continuations, 'content/paragraph-continuations.json'),
    sourceSha256: createHash('sha256').update(bytes).digest('hex'),
  });
  // A source cut inside its last section can still parse: the recorded checksum catches it.
  const expected = readFileSync(join(root, 'content/source/thesis.sha256'), 'utf8').trim();
  if (edition.meta.sourceSha256 !== expected) {
    const original = { lines: 4515, bytes: 661105 };
    throw new SourceError(
      'content/source/thesis.txt',
      null,
      `the source does not match its recorded SHA-256 (content/source/thesis.sha256): it has ${edition.meta.sourceLines} lines and ${bytes.length} bytes, the recorded source ${original.lines} lines and ${original.bytes} bytes. The source is never edited; is it truncated or corrupted?`,
    );
  }
  const tmp = `${paths.out}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(join(tmp, 'sections'), { recursive: true });
  edition.sections.forEach((section, order) => {
    writeFileSync(join(tmp, 'sections', `${section.slug}.json`), `${JSON.stringify({ ...section, order })}\n`);
  });
  const { sections: _omit, ...rest } = edition;
  writeFileSync(join(tmp, 'edition.json'), `${JSON.stringify(rest, null, 1)}\n`);
  if (existsSync(paths.out)) rmSync(paths.out, { recursive: true, force: true });
  renameSync(tmp, paths.out);
  const ms = performance.now() - t0;
  console.log(`content: ${edition.sections.length} sections, ${edition.stats.notes} notes, ${edition.stats.markers} markers, ${edition.stats.words} words conserved, ${edition.stats.joinedAcrossPages} paragraphs re-joined across page ends (${ms.toFixed(0)} ms)`);
  for (const s of edition.noteScopes) console.log(`  ${s.label.padEnd(22)} notes ${String(s.notes).padStart(3)}  markers ${String(s.markers).padStart(3)}`);
  console.log(formatCitationReport(citationReport(edition)));
}

try {
  main();
} catch (err) {
  if (err instanceof SourceError) {
    console.error(`error: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
