/**
 * Thin I/O shell around the pure pipeline: read the thesis, emendations and declared
 * irregularities; build the edition; write content/generated/ atomically (a temporary folder
 * renamed into place, or left out when what is in place is the same), so a failed build never
 * leaves half-written content.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEdition, type EditionInput } from '../src/pipeline/edition.ts';
import { withEmendationHint } from '../src/pipeline/emendations.ts';
import { describeChange, lineHashes, parseLineHashes } from '../src/pipeline/source-record.ts';
import { SourceError } from '../src/pipeline/errors.ts';
import { asSourceError, checkDataJson, readEditionInput } from './edition-input.ts';
import { removeAbandoned } from './abandoned.ts';
import { swapInto } from './swap-folder.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'content/generated');
const callerDir = process.cwd();

async function main(): Promise<void> {
  const t0 = performance.now();
  const thesisPath = process.env['THESIS_PATH'];
  // The modules the derivations use read the project's files from the working directory, as Astro's
  // build does: run from anywhere, the content step works in the project (THESIS_PATH as given).
  process.chdir(root);
  const { input, bytes } = readEditionInput(root, thesisPath === undefined ? undefined : resolve(callerDir, thesisPath));
  try {
    await buildAndWrite(input, bytes, t0);
  } catch (err) {
    const hinted = withEmendationHint(err, input.emendations);
    // Whatever went wrong, a source that is not the recorded one is the first suspect.
    if (hinted instanceof SourceError && input.sourceSha256 !== input.recordedSha256 && !/SHA-256/u.test(hinted.problem)) {
      const change = sourceChange(input.text);
      throw new SourceError(hinted.file, hinted.line, `${hinted.problem} [and the source does not match its recorded SHA-256 (content/source/thesis.sha256)${change ? `: ${change.text}` : ''}; it has been changed or damaged since]`);
    }
    throw hinted;
  }
}

/** Where the source first differs from its recorded line hashes (content/source/thesis.lines), if it does. */
function sourceChange(text: string): { line: number; text: string } | null {
  const record = join(root, 'content/source/thesis.lines');
  return existsSync(record) ? describeChange(parseLineHashes(readFileSync(record, 'utf8')), lineHashes(text)) : null;
}

async function buildAndWrite(input: EditionInput, bytes: Buffer, t0: number): Promise<void> {
  const edition = buildEdition(input);
  // A source cut inside its last section can still parse: the recorded checksum catches it.
  if (edition.meta.sourceSha256 !== input.recordedSha256) {
    const original = { lines: 4515, bytes: 661105 };
    const change = sourceChange(input.text);
    throw new SourceError(
      'content/source/thesis.txt',
      change?.line ?? null,
      `the source does not match its recorded SHA-256 (content/source/thesis.sha256)${change ? `: ${change.text} (content/source/thesis.lines)` : ''}. It has ${edition.meta.sourceLines} lines and ${bytes.length} bytes, the recorded source ${original.lines} lines and ${original.bytes} bytes. The source is never edited; is it truncated or corrupted?`,
    );
  }
  // The modules that derive the pages' data import the editor's JSON files: check those first, then
  // build every derivation, so nothing is written unless all of it can be.
  checkDataJson(root);
  const { checkDerivedData } = await import('../src/data/derived-check.ts');
  const { formatCitationReport } = await import('../src/citations/annotations.ts');
  const report = checkDerivedData(edition, input.sourceSha256 === input.recordedSha256, root);
  removeAbandoned(join(root, 'content'), /^generated\.(?:tmp|previous)-(\d+)$/u);
  const tmp = `${out}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(join(tmp, 'sections'), { recursive: true });
  edition.sections.forEach((section, order) => {
    writeFileSync(join(tmp, 'sections', `${section.slug}.json`), `${JSON.stringify({ ...section, order })}\n`);
  });
  const { sections: _omit, ...rest } = edition;
  writeFileSync(join(tmp, 'edition.json'), `${JSON.stringify(rest, null, 1)}\n`);
  // Unchanged content stays in place: another build in this checkout may be reading it.
  swapInto(tmp, out, `${out}.previous-${process.pid}`, true);
  const ms = performance.now() - t0;
  console.log(`content: ${edition.sections.length} sections, ${edition.stats.notes} notes, ${edition.stats.markers} markers, ${edition.stats.words} words conserved, ${edition.stats.joinedAcrossPages} paragraphs re-joined across page ends (${ms.toFixed(0)} ms)`);
  for (const s of edition.noteScopes) console.log(`  ${s.label.padEnd(22)} notes ${String(s.notes).padStart(3)}  markers ${String(s.markers).padStart(3)}`);
  console.log(formatCitationReport(report));
}

try {
  await main();
} catch (err) {
  const named = asSourceError(err, root);
  if (named) {
    console.error(`error: ${named.message}`);
    process.exit(1);
  }
  throw err;
}
