/**
 * The record of the source kept beside it (content/source/thesis.lines): a short hash of each line.
 * The whole file's SHA-256 says whether the source changed; these say where: a flipped letter, a
 * renamed heading or a lost line that still parses is named by its line, not only by the checksum.
 */
import { createHash } from 'node:crypto';

/** The first 8 hex digits of each line's SHA-256 (lines split on \n, as the record was made). */
export function lineHashes(text: string): string[] {
  return text.split('\n').map((line) => createHash('sha256').update(line).digest('hex').slice(0, 8));
}

/** The record as written to content/source/thesis.lines: one hash a line. */
export const formatLineHashes = (hashes: readonly string[]): string => `${hashes.join('\n')}\n`;
export const parseLineHashes = (record: string): string[] => record.trimEnd().split('\n');

/** The first line (1-based) where the source differs from its record, or null if it does not. */
export function firstChangedLine(recorded: readonly string[], current: readonly string[]): number | null {
  const n = Math.min(recorded.length, current.length);
  for (let i = 0; i < n; i++) if (recorded[i] !== current[i]) return i + 1;
  return recorded.length === current.length ? null : n + 1;
}

/** What changed, in words: "line 363 differs from the recorded source (which has 4515 lines; this one 4514)". */
export function describeChange(recorded: readonly string[], current: readonly string[]): { line: number; text: string } | null {
  const line = firstChangedLine(recorded, current);
  if (line === null) return null;
  const count = recorded.length === current.length ? '' : `; the recorded source has ${recorded.length} lines, this one ${current.length}`;
  const what = line > current.length ? 'is missing: the source ends before it' : line > recorded.length ? 'is beyond the end of the recorded source' : 'differs from the recorded source';
  return { line, text: `line ${line} ${what}${count}` };
}
