import { describe, expect, it } from 'vitest';
import { CHARS_PER_LINE, noteLines, paragraphLines } from '../../../src/render/line-estimate.ts';
import { renderBlock } from '../../../src/render/blocks-html.ts';
import type { Note, Paragraph } from '../../../src/pipeline/model.ts';
import { realEdition } from '../pipeline/helpers.ts';

const paragraph = (text: string, breaks = 0): Paragraph => ({
  kind: 'paragraph',
  id: 'para-1',
  content: [{ t: 'text', v: text }],
  lines: [1],
  pages: [1],
  pageBreaksInside: Array.from({ length: breaks }, (_, i) => ({ afterInline: 1, page: 2 + i, approximate: false })),
  style: 'prose',
  scope: 'ch1',
});

describe('line estimates for blocks not yet laid out', () => {
  it('counts a paragraph\'s lines at the narrowest width, rounding up, page markers included', () => {
    expect(paragraphLines(paragraph('x'.repeat(CHARS_PER_LINE)))).toBe(1);
    expect(paragraphLines(paragraph('x'.repeat(CHARS_PER_LINE + 1)))).toBe(2);
    expect(paragraphLines(paragraph('x'.repeat(CHARS_PER_LINE), 1))).toBe(2);
    expect(paragraphLines(paragraph(''))).toBe(1);
  });

  const edition = realEdition();
  const notes = edition.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'notes' ? b.notes : [])));
  const note = (id: string): Note => notes.find((n) => n.id === id) ?? (() => { throw new Error(id); })();

  it('gives a note with a table (Chapter 2.1 n30) room for every row, more than its words alone', () => {
    const n30 = note('ch2.1-n30');
    const rows = n30.extra.flatMap((x) => (x.kind === 'table' ? [...x.headRows, ...x.bodyRows] : []));
    expect(rows.length).toBe(5);
    expect(noteLines(n30)).toBeGreaterThanOrEqual(noteLines({ ...n30, extra: [] }) + rows.length * 2);
  });

  it('is written on every paragraph and note, as the attribute the stylesheet reads', () => {
    const ch2 = edition.sections.find((s) => s.id === 'chapter-2')!;
    const html = ch2.blocks.map((b) => renderBlock(b)).join('');
    const paragraphs = ch2.blocks.filter((b) => b.kind === 'paragraph').length;
    expect(html.match(/<p id="para-\d+"(?: class="[^"]+")? data-lines="\d+"/gu)?.length).toBe(paragraphs);
    expect(html.match(/<li class="note" id="[^"]+"(?: value="\d+")? data-lines="\d+"/gu)?.length).toBe(243);
    expect(html).toContain(`id="ch2.1-n30" data-lines="${noteLines(note('ch2.1-n30'))}"`);
  });
});
