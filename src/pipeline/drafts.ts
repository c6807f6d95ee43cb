import type { SourceLine } from './model.ts';
import { isBlank } from './lines.ts';
import { splitFusedLine, type LogicalLine } from './logical-lines.ts';
import { NOTE_BODY_START, superscriptToNumber } from './superscript.ts';

/** A note body as printed: its number, its text and where it stands. */
export interface DraftNote {
  n: number;
  text: string;
  line: number;
  col: number;
}

/** Blocks before interpretation: text lines, runs of table rows, and note blocks (page ends). */
export type Draft =
  | { k: 'text'; line: LogicalLine }
  | { k: 'rows'; lines: LogicalLine[] }
  | { k: 'notes'; notes: DraftNote[] };

/**
 * Group a section's lines into drafts. Blank lines separate blocks; consecutive note bodies form
 * one note block (an original page end); consecutive tab-separated lines form one table.
 */
export function linesToDrafts(lines: readonly SourceLine[]): Draft[] {
  const drafts: Draft[] = [];
  for (const source of lines) {
    if (isBlank(source)) continue;
    for (const piece of splitFusedLine(source)) {
      const last = drafts[drafts.length - 1];
      const note = piece.fusedHeading ? null : NOTE_BODY_START.exec(piece.text);
      if (note) {
        const bodies = splitNoteLine(piece, superscriptToNumber(note[1] as string), (note[0] as string).length);
        if (last && last.k === 'notes') last.notes.push(...bodies);
        else drafts.push({ k: 'notes', notes: bodies });
      } else if (piece.text.includes('\t') && !piece.fusedHeading) {
        if (last && last.k === 'rows') last.lines.push(piece);
        else drafts.push({ k: 'rows', lines: [piece] });
      } else {
        drafts.push({ k: 'text', line: piece });
      }
    }
  }
  return drafts;
}

/**
 * A note line may hold two notes when the typist ran them together
 * (`¹ Source: Moskva v Tsifrakh, M. 1934, pp.48-49.² At current prices.`): split at the next
 * number when it follows a full stop and precedes a space.
 */
export function splitNoteLine(piece: LogicalLine, n: number, prefixLength: number): DraftNote[] {
  const notes: DraftNote[] = [];
  let current = n;
  let start = prefixLength;
  const text = piece.text;
  const runs = [...text.matchAll(/(?<=[.)])([⁰¹²³⁴⁵⁶⁷⁸⁹]+)(?= )/gu)];
  for (const run of runs) {
    if (run.index < start) continue;
    const value = superscriptToNumber(run[1] as string);
    if (value !== current + 1) continue;
    notes.push({ n: current, text: text.slice(start, run.index).trimEnd(), line: piece.n, col: piece.col + start });
    current = value;
    start = run.index + (run[0] as string).length;
    while (text[start] === ' ') start++;
  }
  notes.push({ n: current, text: text.slice(start).trimEnd(), line: piece.n, col: piece.col + start });
  return notes;
}
