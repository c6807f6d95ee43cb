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
  /** A table (with its caption, source and comments) that the note introduces ("The figures were as follows:"). */
  extra: Draft[];
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
  return attachNoteTables(drafts);
}

const CITATION = /\b(Source|op\. ?cit\.|Ibid\.|pp?\. ?\d+)/iu;

/**
 * A note ending in a colon ("The figures were as follows:") is followed, inside the same block of
 * notes, by its table: a caption, the rows, a source line, and perhaps a comment that cites its
 * source. Those drafts belong to the note, and the notes after them continue the same block.
 */
export function attachNoteTables(drafts: readonly Draft[]): Draft[] {
  const out: Draft[] = [];
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i] as Draft;
    const last = out[out.length - 1];
    const host = last && last.k === 'notes' ? last.notes[last.notes.length - 1] : undefined;
    if (d.k === 'notes' && last && last.k === 'notes') {
      last.notes.push(...d.notes);
      continue;
    }
    if (!host || !/:\s*$/u.test(host.text) || d.k === 'notes' || (host.extra.length === 0 && !startsNoteTable(drafts, i))) {
      out.push(d);
      continue;
    }
    const afterTable = host.extra.some((x) => x.k === 'rows' || (x.k === 'text' && /^\s/u.test(x.line.text)));
    const next = drafts[i + 1];
    const accepts =
      d.k === 'rows' ||
      /^\s/u.test(d.line.text) ||
      (next !== undefined && next.k === 'rows') ||
      /^Source/u.test(d.line.text.trim()) ||
      (afterTable && CITATION.test(d.line.text));
    if (accepts) host.extra.push(d);
    else out.push(d);
  }
  return out;
}

/** Does a table (rows, an indented list, or a caption over rows) start at drafts[i]? */
function startsNoteTable(drafts: readonly Draft[], i: number): boolean {
  const d = drafts[i];
  if (!d) return false;
  if (d.k === 'rows') return true;
  if (d.k !== 'text') return false;
  return /^\s/u.test(d.line.text) || drafts[i + 1]?.k === 'rows';
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
    notes.push({ n: current, text: text.slice(start, run.index).trimEnd(), line: piece.n, col: piece.col + start, extra: [] });
    current = value;
    start = run.index + (run[0] as string).length;
    while (text[start] === ' ') start++;
  }
  notes.push({ n: current, text: text.slice(start).trimEnd(), line: piece.n, col: piece.col + start, extra: [] });
  return notes;
}
