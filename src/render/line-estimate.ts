/**
 * How many lines a paragraph or a note takes on the narrowest screen the edition supports (320 px),
 * erring large: the size a long chapter reserves for a block it has not laid out yet
 * (content-visibility: auto, src/styles/edition.css, which scales it down for wider screens).
 * Too small, and a tool that measures a block before it is shown (axe, Lighthouse) finds it drawn
 * over its neighbours; too large only makes the scrollbar guess long until the block is shown, when
 * its real size replaces the estimate.
 */
import { inlineText } from '../pipeline/inline.ts';
import type { Block, Inline, Note, Paragraph, TableBlock } from '../pipeline/model.ts';

/** Characters of running text on a line at 320 px, erring low so that the lines err high (34 keeps every block within its room: tests/e2e/reading.spec.ts). */
export const CHARS_PER_LINE = 34;
/** The inline page marker a page break inside a paragraph shows ("| ≈ p. 216"). */
const PAGE_MARKER_CHARS = 10;

const lines = (chars: number): number => Math.max(1, Math.ceil(chars / CHARS_PER_LINE));

/** Marker numbers are not in inlineText; they add a few characters each. */
function textLength(content: readonly Inline[]): number {
  return inlineText(content).length + content.filter((n) => n.t === 'ref').length * 3;
}

/** A table's rows wrap in narrow columns: each row counts as its longest cell over a third of a line, at least two lines. */
function tableLines(table: TableBlock): number {
  const rows = [...table.headRows, ...table.bodyRows];
  const rowLines = rows.reduce((sum, row) => sum + Math.max(2, ...row.map((cell) => Math.ceil(textLength(cell) / (CHARS_PER_LINE / 3)))), 0);
  return rowLines + (table.caption ? lines(textLength(table.caption)) : 0) + 1;
}

function blockLines(block: Block): number {
  switch (block.kind) {
    case 'paragraph':
      return paragraphLines(block);
    case 'table':
      return tableLines(block);
    case 'heading':
      return lines(textLength(block.content)) + 1;
    default:
      return 0;
  }
}

export function paragraphLines(paragraph: Paragraph): number {
  return lines(textLength(paragraph.content) + paragraph.pageBreaksInside.length * PAGE_MARKER_CHARS);
}

/** The note's number and body, any lines and tables after it (each with its own margin), and its back links. */
export function noteLines(note: Note): number {
  const backLinks = note.refIds.length * 3;
  return lines(String(note.n).length + 1 + textLength(note.content) + backLinks) + note.extra.reduce((sum, block) => sum + blockLines(block) + 1, 0) + 1;
}
