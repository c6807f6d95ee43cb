import type { SourceLine } from './model.ts';

/** Split the source into numbered lines (1-based), tolerating CRLF. */
export function toLines(text: string): SourceLine[] {
  return text.split(/\r?\n/u).map((line, i) => ({ n: i + 1, text: line }));
}

/** A line with only whitespace separates blocks. */
export function isBlank(line: SourceLine): boolean {
  return line.text.trim() === '';
}

/** How far a line is looked for when it is not where a data file says (lines lost or gained before it). */
const NEARBY = 20;

/**
 * The nearest line to `line` (within NEARBY, earlier first at each distance) for which `holds` is
 * true: where a line the editor's data names has moved to when the source lost or gained lines.
 */
export function movedTo(lines: readonly SourceLine[], line: number, holds: (text: string) => boolean): number | null {
  for (let d = 1; d <= NEARBY; d++) {
    for (const n of [line - d, line + d]) {
      const l = lines[n - 1];
      if (l && holds(l.text)) return n;
    }
  }
  return null;
}
