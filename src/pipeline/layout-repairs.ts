/**
 * The repairs the edition makes to the layout of the text by rule, not by a recorded emendation:
 * headings the conversion ran into the line beside them are set on lines of their own, and a space
 * left between a closing italic and its punctuation is closed up. No letter or figure changes, so
 * they are not emendations; they are listed here so that the reader can see each one.
 */
import { closeUpAfterEmphasis } from './inline.ts';
import { splitFusedLine } from './logical-lines.ts';
import type { LayoutRepair, SourceLine } from './model.ts';

/** The text as a reader would see it: italics tags dropped, the conversion's '**' kept in `printed` (it shows where the lines ran together). */
const strip = (t: string): string => t.replace(/<\/?[iu]>/giu, '').replace(/\t/gu, ' | ').trim();
const clip = (t: string, max = 90): string => (t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`);

export function layoutRepairs(lines: readonly SourceLine[]): LayoutRepair[] {
  const out: LayoutRepair[] = [];
  for (const line of lines) {
    const pieces = splitFusedLine(line);
    if (pieces.length > 1) {
      out.push({ line: line.n, kind: 'heading-split', printed: clip(strip(line.text)), reads: pieces.map((p) => clip(strip(p.text), 60)).filter(Boolean) });
    }
    const closed = closeUpAfterEmphasis(line.text);
    if (closed !== line.text) {
      // The words around the first change, before and after.
      const at = [...line.text].findIndex((ch, i) => ch !== closed[i]);
      const from = Math.max(0, line.text.lastIndexOf(' ', Math.max(0, at - 12)) + 1);
      const printed = strip(line.text.slice(from, at + 3));
      out.push({ line: line.n, kind: 'space-closed-up', printed, reads: [strip(closed.slice(from, at + 2))] });
    }
  }
  return out;
}
