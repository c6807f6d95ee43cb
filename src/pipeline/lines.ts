import type { SourceLine } from './model.ts';

/** Split the source into numbered lines (1-based), tolerating CRLF. */
export function toLines(text: string): SourceLine[] {
  return text.split(/\r?\n/u).map((line, i) => ({ n: i + 1, text: line }));
}

/** A line with only whitespace separates blocks. */
export function isBlank(line: SourceLine): boolean {
  return line.text.trim() === '';
}
