import { describe, expect, it } from 'vitest';
import { layoutRepairs } from '../../../src/pipeline/layout-repairs.ts';
import { realEdition, thesis } from './helpers.ts';

describe('layout repaired by rule (listed on the Emendations page)', () => {
  const repairs = realEdition().layoutRepairs;

  it("lists every line whose run-together headings are split, with the lines the reader sees", () => {
    const split = repairs.filter((r) => r.kind === 'heading-split');
    // Every line the conversion marked with '**' is among them.
    const starred = thesis.split('\n').flatMap((t, i) => (t.includes('**') ? [i + 1] : []));
    expect(starred.length).toBeGreaterThanOrEqual(4);
    for (const n of starred) expect(split.map((r) => r.line)).toContain(n);
    expect(split.find((r) => r.line === 4329)?.reads.slice(0, 2)).toEqual(['Bibliography', 'Section 1 Archives']);
    expect(split.find((r) => r.line === 4329)?.printed).toMatch(/^Bibliography\*\*Section 1 Archives\*\*/u);
    expect(split.find((r) => r.line === 3396)?.reads).toEqual(['Diagram 1 (Continued)', '4. Departments mentioned at the III Oblast Conference, 1932.']);
  });

  it('lists the six spaces closed up before punctuation after an italic word in the Glossary', () => {
    const closed = repairs.filter((r) => r.kind === 'space-closed-up');
    expect(closed.map((r) => [r.line, r.printed, r.reads[0]])).toEqual([
      [4257, 'gubernia .', 'gubernia.'],
      [4262, 'krai .', 'krai.'],
      [4274, "oblast' .", "oblast'."],
      [4277, 'raion ,', 'raion,'],
      [4278, 'okrug .', 'okrug.'],
      [4297, 'raion .', 'raion.'],
    ]);
  });

  it('finds nothing to repair in a line that needs none, and leaves a spaced ellipsis alone', () => {
    expect(layoutRepairs([{ n: 1, text: 'The Party <i>aktiv</i>, and the rest.' }, { n: 2, text: 'as he said <i>x</i> . . . and' }])).toEqual([]);
  });
});
