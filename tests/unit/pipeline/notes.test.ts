import { describe, expect, it } from 'vitest';
import { SourceError } from '../../../src/pipeline/errors.ts';
import { build, realEdition, thesis } from './helpers.ts';

/** Replace the first occurrence of `from` on 1-based line `n` of the real thesis. */
function editLine(n: number, from: string | RegExp, to: string): string {
  const lines = thesis.split('\n');
  const before = lines[n - 1] as string;
  lines[n - 1] = before.replace(from, to);
  if (lines[n - 1] === before) throw new Error(`fixture edit did not apply on line ${n}`);
  return lines.join('\n');
}

describe('note scopes of the real thesis', () => {
  const edition = realEdition();
  const count = (scope: string) => edition.noteScopes.find((s) => s.scope === scope)?.notes;

  it('counts notes per numbering scope as printed', () => {
    expect(count('intro')).toBe(69);
    expect(count('ch1')).toBe(121);
    expect([count('ch2.1'), count('ch2.2'), count('ch2.3'), count('ch2.4')]).toEqual([91, 96, 43, 13]);
    expect(['ch2.1', 'ch2.2', 'ch2.3', 'ch2.4'].reduce((a, s) => a + (count(s) ?? 0), 0)).toBe(243);
    expect([count('ch3'), count('ch4'), count('ch5'), count('ch6'), count('concl')]).toEqual([111, 87, 88, 120, 11]);
    expect([count('table-1'), count('table-2'), count('table-3'), count('table-4'), count('table-5')]).toEqual([2, 1, 2, 5, 2]);
    expect([count('app-1'), count('app-2')]).toEqual([21, 1]);
  });

  it('resolves every marker to one note and every note to its markers, with stable ids', () => {
    const notes = edition.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'notes' ? b.notes : [])));
    expect(notes.every((n) => n.refIds.length >= 1)).toBe(true);
    expect(new Set(notes.map((n) => n.id)).size).toBe(notes.length);
    expect(notes.find((n) => n.id === 'ch2.3-n15')?.refIds).toEqual(['ch2.3-n15-ref']);
    // The duplicated marker 29 of Chapter 5 (declared irregularity) links both markers to the one note.
    expect(notes.find((n) => n.id === 'ch5-n29')?.refIds).toEqual(['ch5-n29-ref', 'ch5-n29-ref-2']);
    // Note 77 of Chapter 2, part 2 was never typed: the numbering skips it (declared irregularity).
    expect(notes.find((n) => n.id === 'ch2.2-n77')).toBeUndefined();
    expect(notes.find((n) => n.id === 'ch2.2-n78')).toBeDefined();
  });

  it('gives Chapter 2\'s opening notes to part 1', () => {
    const ch2 = edition.sections.find((s) => s.id === 'chapter-2')!;
    const first = ch2.blocks.find((b) => b.kind === 'notes');
    expect(first?.kind === 'notes' && first.scope).toBe('ch2.1');
  });
});

describe('note errors name the line', () => {
  it('a missing note number', () => {
    // Renumber note 3 of the Introduction as 4: note 3 is missing and 4 is duplicated.
    const text = editLine(83, /^³/u, '⁴');
    expect(() => build(text)).toThrowError(SourceError);
    expect(() => build(text)).toThrowError(/thesis\.txt:83: note 4 in Introduction where note 3 was expected/u);
  });

  it('a marker without a note', () => {
    const text = editLine(79, /totalitarianism²/u, 'totalitarianism²⁰⁰');
    expect(() => build(text)).toThrowError(/thesis\.txt:79: note marker 200 in Introduction has no note 200/u);
  });

  it('an orphaned note (its marker removed)', () => {
    const text = editLine(79, /totalitarianism²/u, 'totalitarianism');
    expect(() => build(text)).toThrowError(/thesis\.txt:81: note 2 in Introduction has no marker in the text \(orphaned note\)/u);
  });

  it('a duplicated marker that is not declared', () => {
    const text = editLine(79, /regular a target/u, 'regular a target²');
    // "1, 2, 2, 3": either 2 could be the stray, so neither is blamed.
    expect(() => build(text)).toThrowError(/thesis\.txt:79: note 2 in Introduction \(line 81\) has 2 markers in the text, both on line 79 \(duplicated marker\)$/u);
    const before = editLine(77, /$/u, '²');
    expect(() => build(before)).toThrowError(/thesis\.txt:77: note 2 in Introduction \(line 81\) has 2 markers in the text, on lines 77 and 79 \(duplicated marker\)$/u);
  });

  it('a stray marker far from its note is named on its own line, not the note\'s', () => {
    const text = editLine(333, /^A knowledge/u, 'A⁷⁷ knowledge');
    expect(() => build(text)).toThrowError(/thesis\.txt:333: note 77 in Chapter 1 \(line \d+\) has 2 markers in the text, on lines 333 and \d+ \(duplicated marker; this one is out of sequence\)/u);
  });

  it('a declared irregularity that no longer occurs', () => {
    const irregularities = [{ id: 'irr-09', scope: 'ch3', kind: 'skipped-number', n: 5, lines: [1], reason: 'a test irregularity that is not in the text' }];
    const realIrr = JSON.parse(JSON.stringify(realEdition().irregularities)) as unknown[];
    expect(() => build(thesis, { irregularities: [...realIrr, ...irregularities] })).toThrowError(/irr-09: declared irregularity .* does not occur/u);
  });

  it('the real irregularities are required: without them the build fails at the skipped note 77', () => {
    expect(() => build(thesis, { irregularities: [] })).toThrowError(/thesis\.txt:1413: note 78 in Chapter 2, part 2 where note 77 was expected/u);
  });
});
