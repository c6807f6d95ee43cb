/**
 * The plain text of a block, for data downloads and measurements: a table as lines of
 * tab-separated cells under its caption, a note with the table or lines it introduces.
 */
import { inlineText } from './inline.ts';
import type { Block, Note, TableBlock } from './model.ts';

export function tableText(t: TableBlock): string {
  const rows = [...t.headRows, ...t.bodyRows].map((r) => r.map((c) => inlineText(c)).join('\t'));
  return [...(t.caption ? [inlineText(t.caption)] : []), ...rows].join('\n');
}

/** A note's whole text: its first paragraph, then each table, source line or list line it carries. */
export function noteText(n: Note): string {
  return [inlineText(n.content), ...n.extra.map((x) => (x.kind === 'table' ? tableText(x) : inlineText(x.content)))].join('\n');
}

export function blockText(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
    case 'heading':
      return inlineText(b.content);
    case 'table':
      return tableText(b);
    case 'notes':
      return b.notes.map(noteText).join('\n');
    case 'pagebreak':
      return '';
  }
}
