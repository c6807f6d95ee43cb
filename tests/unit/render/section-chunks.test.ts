import { describe, expect, it } from 'vitest';
import { sectionChunks } from '../../../src/render/section-chunks.ts';
import { renderNoteList } from '../../../src/render/blocks-html.ts';
import { realEdition } from '../pipeline/helpers.ts';

const edition = realEdition();
const section = (id: string) => {
  const s = edition.sections.find((x) => x.id === id);
  if (!s) throw new Error(id);
  return s;
};

describe('sectionChunks on the real thesis', () => {
  it('never drops or reorders a block, in any section', () => {
    for (const s of edition.sections) expect(sectionChunks(s).flatMap((c) => c.blocks)).toEqual(s.blocks);
  });

  it('puts each of Tables 1–5 figure after its last printed table block', () => {
    const chunks = sectionChunks(section('tables'));
    expect(chunks.flatMap((c) => (c.after?.kind === 'table-figure' ? [c.after.n] : []))).toEqual([1, 2, 3, 4, 5]);
    for (const c of chunks.filter((x) => x.after)) expect(c.blocks[c.blocks.length - 1]?.kind).toBe('table');
    // No figure stands between two halves of a table: the next block that is not a page marker is not a table.
    chunks.forEach((c, i) => {
      if (!c.after) return;
      const next = chunks.slice(i + 1).flatMap((x) => x.blocks).find((b) => b.kind !== 'pagebreak');
      expect(next?.kind, `after Table ${c.after.kind === 'table-figure' ? c.after.n : ''}'s figure`).not.toBe('table');
    });
  });

  it("puts Table 4's figure after its second half, the page marker p. 261 still between the halves", () => {
    const chunks = sectionChunks(section('tables'));
    const t4 = chunks.find((c) => c.after?.kind === 'table-figure' && c.after.n === 4);
    const tail = (t4?.blocks ?? []).slice(-3).map((b) => (b.kind === 'pagebreak' ? `p. ${b.page}` : 'id' in b ? b.id : b.kind));
    expect(tail).toEqual(['tbl-4', 'p. 261', 'tbl-5']);
  });

  it('puts each diagram reconstruction after all the pages of its diagram', () => {
    const chunks = sectionChunks(section('diagrams'));
    const numbers = chunks.flatMap((c) => (c.after?.kind === 'diagram' ? [c.after.n] : []));
    expect(numbers).toEqual([...new Set(numbers)].sort((a, b) => a - b));
    expect(numbers.length).toBeGreaterThanOrEqual(3);
    // No later chunk holds a heading of a diagram already reconstructed.
    chunks.forEach((c, i) => {
      if (c.after?.kind !== 'diagram') return;
      const done = c.after.n;
      for (const later of chunks.slice(i + 1)) expect(later.blocks.some((b) => b.kind === 'heading' && b.id === `diagram-${done}`)).toBe(false);
    });
    // The page a diagram begins opens its chunk, before its heading, not after the reconstruction before it.
    for (const c of chunks) expect(c.blocks[c.blocks.length - 1]?.kind, 'a chunk ends on a page marker').not.toBe('pagebreak');
    const opening = chunks.slice(1).map((c) => c.blocks.slice(0, 2).map((b) => (b.kind === 'pagebreak' ? `p. ${b.page}` : 'id' in b ? b.id : b.kind)));
    expect(opening).toEqual([
      ['p. 253', 'diagram-2'],
      ['p. 254', 'diagram-3'],
      ['p. 256', 'diagram-4'],
    ]);
  });

  it('links each of the three maps after its caption', () => {
    const links = sectionChunks(section('maps')).flatMap((c) => (c.after?.kind === 'map-link' ? [c.after.map.id] : []));
    expect(links).toHaveLength(3);
    expect(new Set(links).size).toBe(3);
  });

  it('leaves a chapter whole', () => {
    expect(sectionChunks(section('chapter-3'))).toEqual([{ blocks: section('chapter-3').blocks, after: null }]);
  });
});

describe('note list markup', () => {
  it('gives an item a value only where the thesis skips a number (Chapter 2, part 2, after 76)', () => {
    const lists = edition.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'notes' ? [b] : [])));
    const html = lists.map((l) => renderNoteList(l)).join('');
    const values = [...html.matchAll(/<li class="note" id="([^"]+)" value="(\d+)"/gu)].map((m) => m[1]);
    // Each value belongs to a note whose number is not its position in its list.
    for (const l of lists) l.notes.forEach((n, i) => expect(values.includes(n.id)).toBe(n.n !== i + 1));
    expect(values.length).toBeGreaterThan(0);
  });
});
