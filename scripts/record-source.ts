/**
 * Records the source's SHA-256 and its line hashes (content/source/thesis.sha256, thesis.lines).
 * Only for a new transcription of the thesis: the source is never edited, and the build checks it
 * against this record, naming the first line that differs.
 * Usage: node scripts/record-source.ts
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatLineHashes, lineHashes } from '../src/pipeline/source-record.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const bytes = readFileSync(join(root, 'content/source/thesis.txt'));
writeFileSync(join(root, 'content/source/thesis.sha256'), `${createHash('sha256').update(bytes).digest('hex')}\n`);
writeFileSync(join(root, 'content/source/thesis.lines'), formatLineHashes(lineHashes(bytes.toString('utf8'))));
console.log('recorded content/source/thesis.sha256 and thesis.lines');
