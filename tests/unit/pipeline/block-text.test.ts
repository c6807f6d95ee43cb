import { describe, expect, it } from 'vitest';
import { blockText, noteText } from '../../../src/pipeline/block-text.ts';
import { inlineText } from '../../../src/pipeline/inline.ts';
import type { Note } from '../../../src/pipeline/model.ts';
import { realEdition } from './helpers.ts';

const notes = (): Note[] => realEdition().sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'notes' ? b.notes : [])));
const note = (id: string): Note => {
  const n = notes().find((x) => x.id === id);
  if (!n) throw new Error(`no note ${id}`);
  return n;
};

describe('the whole text of a note (the notes download)', () => {
  it('keeps a table the note introduces, row by row, and the source line after it (Chapter 3, n. 20)', () => {
    const lines = noteText(note('ch3-n20')).split('\n');
    expect(lines[0]).toBe('The figures for recruitment as a whole were as follows:');
    expect(lines).toContain('Moscow city\t130.6\t165.9');
    expect(lines).toContain("Moscow oblast' as a whole\t162.4\t174.5");
    expect(lines.at(-1)).toMatch(/^The exceptionally high oblast' figure .* national figures from Rigby, op\. cit\., p\. 52\.$/u);
  });

  it("keeps a note's list lines and closing source (Chapter 5, n. 6, which no table download carries)", () => {
    const text = noteText(note('ch5-n6'));
    expect(text).toContain('Graduates of Communist Universities (Komvuzy) 0.3%');
    expect(text).toContain('In rural areas 5.5%');
    expect(text.endsWith('Percentages based on figures in E. Smitten, op. cit., p. 63.')).toBe(true);
  });

  it('loses no word of any note: each note with more than its first paragraph has it all', () => {
    const long = notes().filter((n) => n.extra.length > 0);
    expect(long.map((n) => n.id)).toEqual(expect.arrayContaining(['ch2.1-n30', 'ch3-n20', 'ch3-n31', 'ch3-n47', 'ch3-n53', 'ch5-n6']));
    for (const n of long) {
      const text = noteText(n);
      for (const x of n.extra) {
        const words = (x.kind === 'table' ? blockText(x) : inlineText(x.content)).split(/\s+/u).filter(Boolean);
        for (const w of words) expect(text, `${n.id}: ${w}`).toContain(w);
      }
    }
    for (const n of notes().filter((x) => x.extra.length === 0)) expect(noteText(n)).toBe(inlineText(n.content));
  });
});
