/**
 * Thin I/O shell around the pure pipeline: read the thesis, emendations and declared
 * irregularities; build the edition; write content/generated/ atomically (a temporary folder
 * renamed into place), so a failed build never leaves half-written content.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEdition } from '../src/pipeline/edition.ts';
import { SourceError } from '../src/pipeline/errors.ts';
import { citationReport, formatCitationReport } from '../src/citations/annotations.ts';
import { readEditionInput } from './edition-input.ts';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'content/generated');

function main(): void {
  const t0 = performance.now();
  const { input, bytes } = readEditionInput(root, process.env['THESIS_PATH']);
  const edition = buildEdition(input);
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
  const tmp = `${out}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(join(tmp, 'sections'), { recursive: true });
  edition.sections.forEach((section, order) => {
    writeFileSync(join(tmp, 'sections', `${section.slug}.json`), `${JSON.stringify({ ...section, order })}\n`);
  });
  const { sections: _omit, ...rest } = edition;
  writeFileSync(join(tmp, 'edition.json'), `${JSON.stringify(rest, null, 1)}\n`);
  if (existsSync(out)) rmSync(out, { recursive: true, force: true });
  renameSync(tmp, out);
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
