import { describe, expect, it } from 'vitest';
import { linesToDrafts } from '../../../src/pipeline/drafts.ts';
import { fixture } from './helpers.ts';

describe('linesToDrafts', () => {
  it('groups note bodies into one block per original page (fixture: note-block-splits-sentence)', () => {
    const drafts = linesToDrafts(fixture('note-block-splits-sentence.txt', 75));
    expect(drafts.map((d) => d.k)).toEqual(['notes', 'text', 'text', 'notes', 'text', 'text', 'notes']);
    const [first, continuation, , second] = drafts;
    expect(first?.k === 'notes' && first.notes.map((n) => n.n)).toEqual([1]);
    expect(continuation?.k === 'text' && continuation.line.text).toMatch(/^involvement of committed partisan interests/u);
    expect(second?.k === 'notes' && second.notes.map((n) => [n.n, n.line])).toEqual([[2, 81], [3, 83], [4, 85]]);
  });

  it('splits two notes typed on one line (Table 3)', () => {
    const [d] = linesToDrafts(fixture('two-notes-on-one-line.txt', 3511));
    expect(d?.k).toBe('notes');
    if (d?.k !== 'notes') return;
    expect(d.notes.map((n) => [n.n, n.text])).toEqual([
      [1, 'Source: Moskva v Tsifrakh, M. 1934, pp.48-49.'],
      [2, 'At current prices.'],
    ]);
  });

  it('gives a note the table it introduces, and continues the block after it (fixture: table-inside-note)', () => {
    const drafts = linesToDrafts(fixture('table-inside-note.txt', 871));
    const at = drafts.findIndex((d) => d.k === 'notes' && d.notes.some((n) => n.n === 30));
    const block = drafts[at];
    expect(block?.k).toBe('notes');
    if (block?.k !== 'notes') return;
    const n30 = block.notes.find((n) => n.n === 30);
    expect(n30?.extra.map((x) => x.k)).toEqual(['rows', 'text']);
    const rows = n30?.extra[0];
    expect(rows?.k === 'rows' && rows.lines.map((l) => l.n)).toEqual([887, 888, 889, 890, 891]);
    expect(block.notes.map((n) => n.n)).toEqual([27, 28, 29, 30]);
    // After the block (and the note's table) the text resumes mid-sentence.
    expect(drafts[at + 1]).toMatchObject({ k: 'text', line: { n: 895 } });
  });
});
